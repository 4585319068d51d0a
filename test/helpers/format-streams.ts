// Test helpers the format packages share: bytes fed in small chunks, a stream collected, the
// text a writer wrote, and a summary of read batches that checks the accounting of every
// batch on the way.
import type { Batch } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';

const encoder = new TextEncoder();

/** Bytes as an async iterable of small chunks, to cross every chunk boundary a reader has. */
export async function* chunked(input: string | Uint8Array, size = 7): AsyncIterable<Uint8Array> {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  for (let start = 0; start < bytes.length; start += size) {
    yield bytes.slice(start, start + size);
  }
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export async function* fromArray<T>(items: Iterable<T>): AsyncIterable<T> {
  yield* items;
}

export async function writtenText(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts = await collect(chunks);
  const decoder = new TextDecoder();
  return parts.map((part) => decoder.decode(part, { stream: true })).join('') + decoder.decode();
}

export interface ReadResult {
  batches: Batch[];
  events: ConflictEvent[];
  positions: Batch['positions'];
  raws: string[];
  rejected: Batch['rejected'];
  issues: Batch['issues'];
  records: number;
}

/** Everything the batches hold, checking on the way that every record is counted once. */
export function summarise(batches: Batch[]): ReadResult {
  const result: ReadResult = {
    batches,
    events: [],
    positions: [],
    raws: [],
    rejected: [],
    issues: [],
    records: 0,
  };
  for (const batch of batches) {
    if (batch.records !== batch.events.length + batch.rejected.length) {
      throw new Error(
        `batch counts ${batch.records} records for ${batch.events.length} events and ${batch.rejected.length} rejects`,
      );
    }
    if (
      batch.positions.length !== batch.events.length ||
      batch.raws.length !== batch.events.length
    ) {
      throw new Error('positions and raws must run parallel to events');
    }
    result.events.push(...batch.events);
    result.positions.push(...batch.positions);
    result.raws.push(...batch.raws);
    result.rejected.push(...batch.rejected);
    result.issues.push(...batch.issues);
    result.records += batch.records;
  }
  return result;
}
