// A write-only format that keeps the events in memory instead of encoding them, so that the
// I/O core's `convert` does the whole read: decompression, detection, the reader, the rules
// and the accounting, exactly as the command line does it. Nothing is duplicated here.
import type { AnyFormat, Batch, RecordPosition } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';

export interface ReceivedEvents {
  events: readonly ConflictEvent[];
  /** Parallel to `events`; empty positions when the writer was given bare events. */
  positions: readonly RecordPosition[];
}

function isBatch(item: ConflictEvent | Batch): item is Batch {
  return 'events' in item && Array.isArray(item.events) && 'records' in item;
}

/** A format whose writer hands each accepted batch to `receive` and writes no bytes. */
export function createMemorySink(receive: (received: ReceivedEvents) => void): AnyFormat {
  return {
    id: 'explorer-memory',
    name: 'Explorer memory',
    extensions: [],
    mediaTypes: [],
    capabilities: { read: false, write: true, lossless: true },
    rejectsLayout: 'lines',
    sniff: () => false,
    defaultReadOptions: {},
    defaultWriteOptions: {},
    async *write(input: AsyncIterable<ConflictEvent | Batch>): AsyncIterable<Uint8Array> {
      for await (const item of input) {
        if (isBatch(item)) receive({ events: item.events, positions: item.positions });
        else receive({ events: [item], positions: [{}] });
      }
      yield* [];
    },
  };
}
