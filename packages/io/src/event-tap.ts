import type { ConflictEvent } from '@conflict-events/schema';
import type { AnyFormat, Batch } from './format.ts';

/** Whether a writer's input item is a batch (else it is one event). */
export function isBatch(item: ConflictEvent | Batch): item is Batch {
  return Array.isArray((item as Batch).events) && typeof (item as Batch).records === 'number';
}

/**
 * A format that writes no bytes and hands every accepted batch (or event) to a callback.
 * `convert` then does what it always does — decompression, detection, the reader, the rules
 * and the accounting — and the caller decides what to do with the events: count them
 * (`stats`), keep nothing (`validate`), pass them on to another writer, or keep them in
 * memory (the explorer's worker).
 */
export function eventTap(onItem: (item: ConflictEvent | Batch) => void | Promise<void>): AnyFormat {
  return {
    id: 'event-tap',
    name: 'Events handed to a callback',
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
