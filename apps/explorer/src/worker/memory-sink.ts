// A write-only format that keeps the events in memory instead of encoding them, so that the
// I/O core's `convert` does the whole read: decompression, detection, the reader, the rules
// and the accounting, exactly as the command line does it. Nothing is duplicated here.
import { type AnyFormat, eventTap, isBatch, type RecordPosition } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';

export interface ReceivedEvents {
  events: readonly ConflictEvent[];
  /** Parallel to `events`; empty positions when the writer was given bare events. */
  positions: readonly RecordPosition[];
}

/** A format whose writer hands each accepted batch to `receive` and writes no bytes. */
export function createMemorySink(receive: (received: ReceivedEvents) => void): AnyFormat {
  return eventTap((item) => {
    if (isBatch(item)) receive({ events: item.events, positions: item.positions });
    else receive({ events: [item], positions: [{}] });
  });
}
