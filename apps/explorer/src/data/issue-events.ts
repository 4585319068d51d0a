// Links a validation issue to the loaded event it is about, so the issues panel can fly to
// it. An issue is matched by its record's position first (exact for the record at fault),
// then by event id (a duplicate id points at the earlier event that holds it).
import type { RecordPosition } from '@conflict-events/io';
import type { ValidationIssue } from '@conflict-events/schema';

export interface PositionLookup {
  byteOffset: Map<number, number>;
  row: Map<number, number>;
  line: Map<number, number>;
  pointer: Map<string, number>;
  id: Map<string, number>;
}

/** Indexes the positions and ids of the loaded events (parallel arrays, input order). */
export function createPositionLookup(
  positions: readonly RecordPosition[],
  ids: readonly string[],
): PositionLookup {
  const lookup: PositionLookup = {
    byteOffset: new Map(),
    row: new Map(),
    line: new Map(),
    pointer: new Map(),
    id: new Map(),
  };
  positions.forEach((position, index) => {
    if (position.byteOffset !== undefined) lookup.byteOffset.set(position.byteOffset, index);
    if (position.row !== undefined) lookup.row.set(position.row, index);
    if (position.line !== undefined) lookup.line.set(position.line, index);
    if (position.pointer !== undefined) lookup.pointer.set(position.pointer, index);
  });
  ids.forEach((id, index) => {
    if (!lookup.id.has(id)) lookup.id.set(id, index);
  });
  return lookup;
}

/** The record pointer an issue's pointer starts with (`/events/3/date/end` → `/events/3`). */
function recordOfPointer(pointer: string, known: Map<string, number>): number | undefined {
  let candidate = pointer;
  while (candidate !== '') {
    const found = known.get(candidate);
    if (found !== undefined) return found;
    candidate = candidate.slice(0, candidate.lastIndexOf('/'));
  }
  return undefined;
}

/** The index of the loaded event an issue is about, or undefined (a rejected record, a header). */
export function resolveIssueEvent(
  issue: ValidationIssue,
  lookup: PositionLookup,
): number | undefined {
  if (issue.byteOffset !== undefined && lookup.byteOffset.size > 0) {
    const found = lookup.byteOffset.get(issue.byteOffset);
    if (found !== undefined) return found;
  } else if (issue.row !== undefined && lookup.row.size > 0) {
    const found = lookup.row.get(issue.row);
    if (found !== undefined) return found;
  } else if (issue.line !== undefined && lookup.line.size > 0) {
    const found = lookup.line.get(issue.line);
    if (found !== undefined) return found;
  } else if (issue.pointer !== undefined && lookup.pointer.size > 0) {
    const found = recordOfPointer(issue.pointer, lookup.pointer);
    if (found !== undefined) return found;
  }
  return issue.eventId === undefined ? undefined : lookup.id.get(issue.eventId);
}
