import type { AnyFormat, Batch } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';

/**
 * A format that writes no bytes and hands every accepted batch to a callback. `convert`
 * then does what it always does (detection, decompression, rules, accounting), and the
 * command decides what to do with the events: count them, validate only, or pass them on.
 */
export function eventTap(onItem: (item: ConflictEvent | Batch) => void | Promise<void>): AnyFormat {
  return {
    id: 'event-tap',
    name: 'Events handed to the command',
    extensions: [],
    mediaTypes: [],
    capabilities: { read: false, write: true, lossless: true },
    rejectsLayout: 'lines',
    sniff: () => false,
    defaultReadOptions: {},
    defaultWriteOptions: {},
    async *write(events: AsyncIterable<ConflictEvent | Batch>): AsyncIterable<Uint8Array> {
      for await (const item of events) await onItem(item);
      // Nothing to write: the callback had the events.
      yield* [];
    },
  };
}

/** Where bytes go when only the accounting matters. */
export const discardSink = { write: (): void => undefined };

/** The events an item carries: a batch's events, or the one event. */
export function eventsOf(item: ConflictEvent | Batch): readonly ConflictEvent[] {
  return 'events' in item && Array.isArray(item.events) ? item.events : [item as ConflictEvent];
}
