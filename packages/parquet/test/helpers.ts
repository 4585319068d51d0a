// Test helpers: collecting streams, reading results with their accounting checked, and DuckDB.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConflictEvent } from '@conflict-events/schema';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  collect,
  fromArray,
  type ReadResult,
  summarise,
} from '../../../test/helpers/format-streams.ts';
import { geoParquetFormat } from '../src/index.ts';

export { collect, fromArray, type ReadResult, summarise };

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Writes events with the format's writer and returns the file's bytes. */
export async function writeParquet(
  events: Iterable<ConflictEvent> | AsyncIterable<ConflictEvent>,
  options: Parameters<NonNullable<typeof geoParquetFormat.write>>[1] = {},
): Promise<Uint8Array> {
  async function* input() {
    yield* events;
  }
  return concat(await collect(geoParquetFormat.write(input(), options)));
}

export async function readParquet(
  bytes: Uint8Array,
  options: Parameters<NonNullable<typeof geoParquetFormat.read>>[1] = {},
): Promise<ReadResult> {
  return summarise(await collect(geoParquetFormat.read(fromArray([bytes]), options)));
}

/** A fresh folder under the system's temporary folder; `remove` deletes it. */
export function temporaryFolder(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'conflict-events-parquet-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Runs SQL in an in-memory DuckDB; 64-bit integers come back as numbers when they fit. */
export async function duckdb(): Promise<{
  query(sql: string): Promise<Record<string, unknown>[]>;
  close(): void;
}> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    async query(sql) {
      const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS();
      return rows as Record<string, unknown>[];
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
