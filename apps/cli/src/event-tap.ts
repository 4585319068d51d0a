import { type Batch, isBatch } from '@conflict-events/io';

// The command's use of the core's `eventTap` (a format that hands events to a callback).
export { eventTap } from '@conflict-events/io';

import type { ConflictEvent } from '@conflict-events/schema';

/** Where bytes go when only the accounting matters. */
export const discardSink = { write: (): void => undefined };

/** The events an item carries: a batch's events, or the one event. */
export function eventsOf(item: ConflictEvent | Batch): readonly ConflictEvent[] {
  return isBatch(item) ? item.events : [item];
}
