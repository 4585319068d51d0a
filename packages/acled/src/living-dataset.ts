import { type Batch, defaultBatchSize, readDelimited, resolveLimits } from '@conflict-events/io';
import type { ConflictEvent, ValidationIssue } from '@conflict-events/schema';
import { parseUnixSeconds, parseWholeNumber } from './parse-acled-values.ts';

// ACLED revises and deletes published events; its "deleted events" list and re-downloads
// keep a local copy current. These helpers work on events read by this package.

/** One row of ACLED's deleted-events list. */
export interface DeletedEvent {
  event_id_cnty: string;
  /** Unix seconds at which ACLED deleted the event. */
  deleted_timestamp: string;
}

/** The ACLED id of an event: its recordId when it came from ACLED, else its `acled:` id. */
function acledIdOf(event: ConflictEvent): string | undefined {
  if (event.provenance.dataset === 'acled' && event.provenance.recordId !== undefined)
    return event.provenance.recordId;
  return event.id.startsWith('acled:') ? event.id.slice('acled:'.length) : undefined;
}

/** The event's ACLED `timestamp` in Unix seconds, if it has one. */
function secondsOf(event: ConflictEvent): number | undefined {
  const modified = event.provenance.modified;
  if (modified === undefined) return undefined;
  const time = Date.parse(modified);
  return Number.isNaN(time) ? undefined : Math.floor(time / 1000);
}

/**
 * Reads ACLED's deleted-events CSV (`event_id_cnty, deleted_timestamp`, any column order,
 * labels in any case). Rows without an id or with a timestamp that is not Unix seconds are
 * returned in `invalid` with their line, not dropped unseen.
 */
export async function readDeletedEvents(bytes: AsyncIterable<Uint8Array>): Promise<{
  deleted: DeletedEvent[];
  invalid: { line: number; raw: string }[];
}> {
  const input = await readDelimited(bytes, {
    delimiter: ',',
    quote: '"',
    limits: resolveLimits(undefined),
    batchSize: defaultBatchSize,
  });
  const deleted: DeletedEvent[] = [];
  const invalid: { line: number; raw: string }[] = [];
  let idIndex: number | undefined;
  let timeIndex: number | undefined;
  let header = true;
  for await (const batch of input.batches) {
    for (const record of batch.records) {
      if (header) {
        header = false;
        const labels = record.fields.map((field) =>
          field
            .replace(/^\uFEFF/, '')
            .trim()
            .toLowerCase(),
        );
        idIndex = labels.indexOf('event_id_cnty');
        timeIndex = labels.indexOf('deleted_timestamp');
        continue;
      }
      if (record.fields.every((field) => field.trim() === '')) continue;
      const id = idIndex === undefined ? undefined : record.fields[idIndex]?.trim();
      const time = timeIndex === undefined ? undefined : record.fields[timeIndex]?.trim();
      if (!id || time === undefined || parseUnixSeconds(time) === undefined)
        invalid.push({ line: record.line, raw: record.raw });
      else deleted.push({ event_id_cnty: id, deleted_timestamp: time });
    }
  }
  return { deleted, invalid };
}

/**
 * When ACLED deleted an event, if the deletion applies to this version of it: a deletion at
 * or after the event's own `timestamp` (an older one concerns a version since replaced); an
 * event without a timestamp is deleted whenever its id is listed.
 */
function deletionIndex(
  deleted: Iterable<DeletedEvent>,
): (event: ConflictEvent) => number | undefined {
  const latest = new Map<string, number>();
  for (const row of deleted) {
    const seconds = parseWholeNumber(row.deleted_timestamp);
    if (seconds === undefined) continue;
    latest.set(row.event_id_cnty, Math.max(seconds, latest.get(row.event_id_cnty) ?? -1));
  }
  return (event) => {
    const id = acledIdOf(event);
    const at = id === undefined ? undefined : latest.get(id);
    const changedAt = secondsOf(event);
    return at !== undefined && (changedAt === undefined || at >= changedAt) ? at : undefined;
  };
}

/** Events with ACLED's deletions applied; `removed` counts the events dropped so far. */
export interface DeletionResult {
  events: AsyncIterable<ConflictEvent>;
  /** How many events were dropped; final once `events` has been read to the end. */
  readonly removed: number;
}

/**
 * Drops every event ACLED deleted at or after the event's own `timestamp` (a deletion older
 * than the event's last change does not apply to the newer version). An event without a
 * timestamp is dropped whenever its id is listed. Streams the events; holds only the list.
 */
export function applyDeletions(
  events: AsyncIterable<ConflictEvent> | Iterable<ConflictEvent>,
  deleted: Iterable<DeletedEvent>,
): DeletionResult {
  const deletedAt = deletionIndex(deleted);
  let removed = 0;
  async function* filtered(): AsyncIterable<ConflictEvent> {
    for await (const event of events) {
      if (deletedAt(event) !== undefined) {
        removed += 1;
        continue;
      }
      yield event;
    }
  }
  return {
    events: filtered(),
    get removed() {
      return removed;
    },
  };
}

/**
 * Merges a newer download into a base copy by `event_id_cnty`: of two versions of an event,
 * the one with the later `timestamp` wins (the newer download on a tie or without
 * timestamps). Base order is kept, events new in `newer` follow in their order. The whole
 * base is held in memory, keyed by id; for very large copies merge per country or year.
 */
export async function* upsertEvents(
  base: AsyncIterable<ConflictEvent> | Iterable<ConflictEvent>,
  newer: AsyncIterable<ConflictEvent> | Iterable<ConflictEvent>,
): AsyncIterable<ConflictEvent> {
  const merged = new Map<string, ConflictEvent>();
  const keyOf = (event: ConflictEvent) => acledIdOf(event) ?? `id:${event.id}`;
  for await (const event of base) merged.set(keyOf(event), event);
  for await (const event of newer) {
    const key = keyOf(event);
    const current = merged.get(key);
    const currentTime = current === undefined ? undefined : secondsOf(current);
    const newTime = secondsOf(event);
    if (
      current === undefined ||
      currentTime === undefined ||
      newTime === undefined ||
      newTime >= currentTime
    )
      merged.set(key, event);
  }
  yield* merged.values();
}

/**
 * Moves the events `verdict` gives a notice for out of a batch into its rejected records,
 * with their position and raw text, so a transform keeps the batch's accounting.
 */
function rejectWhere(
  batch: Batch,
  verdict: (event: ConflictEvent) => ValidationIssue | undefined,
): Batch {
  const kept: Batch = {
    ...batch,
    events: [],
    positions: [],
    raws: [],
    rejected: [...batch.rejected],
  };
  batch.events.forEach((event, index) => {
    const position = batch.positions[index] ?? {};
    const raw = batch.raws[index] ?? '';
    const issue = verdict(event);
    if (issue !== undefined) kept.rejected.push({ position, raw, issues: [issue] });
    else {
      kept.events.push(event);
      kept.positions.push(position);
      kept.raws.push(raw);
    }
  });
  return kept;
}

/**
 * Applies ACLED's deletions to batches from the ACLED reader, for `convert`'s `transform`:
 * a deleted event becomes a rejected record with a `deleted-by-source` notice, so the
 * accounting still holds and the rejects file lists what was removed.
 */
export function deleteFromBatches(
  deleted: Iterable<DeletedEvent>,
): (batches: AsyncIterable<Batch>) => AsyncIterable<Batch> {
  const deletedAt = deletionIndex(deleted);
  return async function* (batches) {
    for await (const batch of batches) {
      yield rejectWhere(batch, (event) => {
        const at = deletedAt(event);
        if (at === undefined) return undefined;
        return {
          code: 'deleted-by-source',
          severity: 'info',
          message: `ACLED deleted this event at ${new Date(at * 1000).toISOString()}`,
          eventId: event.id,
        };
      });
    }
  };
}

const timeText = (seconds: number | undefined) =>
  seconds === undefined ? 'no timestamp' : `timestamp ${seconds}`;

/**
 * Keeps one version of each ACLED event over several downloads read newest first, for
 * `convert`'s `transform` (one function for all the inputs, as `import --upsert` does): the
 * first version seen of an `event_id_cnty` is kept and every other becomes a rejected record
 * with a `superseded` notice, so the accounting holds and the rejects file lists them. A
 * superseded version that is newer by its own `timestamp` than the one kept is a warning:
 * the downloads were given out of order. Holds one id and timestamp per event kept.
 */
export function keepNewestVersions(): (batches: AsyncIterable<Batch>) => AsyncIterable<Batch> {
  const kept = new Map<string, number | undefined>();
  return async function* (batches) {
    for await (const batch of batches) {
      yield rejectWhere(batch, (event) => {
        const id = acledIdOf(event);
        if (id === undefined) return undefined;
        const seconds = secondsOf(event);
        if (!kept.has(id)) {
          kept.set(id, seconds);
          return undefined;
        }
        const keptSeconds = kept.get(id);
        const newer = seconds !== undefined && keptSeconds !== undefined && seconds > keptSeconds;
        return {
          code: 'superseded',
          severity: newer ? 'warning' : 'info',
          message: newer
            ? `a version of ${id} from a newer download was kept (${timeText(keptSeconds)}), although this one is more recent (${timeText(seconds)}): give the downloads oldest first`
            : `a version of ${id} from a newer download was kept (${timeText(keptSeconds)}; this one has ${timeText(seconds)})`,
          eventId: event.id,
        };
      });
    }
  };
}
