// The reader: lossless round trips, bad input (positioned issues, limits), and files written
// by another tool (DuckDB): extra columns, WKB-only geometry, rows that are not events.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LimitError } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import fc from 'fast-check';
import { parquetMetadata } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arbitraryEvent, sampleEvent } from '../../schema/test/arbitraries.ts';
import { asyncBufferFromBlob, readGeoParquetFile } from '../src/index.ts';
import {
  collect,
  duckdb,
  readParquet,
  summarise,
  temporaryFolder,
  writeParquet,
} from './helpers.ts';
import { syntheticEvent } from './synthetic-events.ts';

const compressions = ['zstd', 'snappy', 'uncompressed'] as const;

describe('the GeoParquet reader: round trips', () => {
  it.each(compressions)('gives back any events unchanged (%s)', async (compression) => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryEvent, { maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        async (generated, rowGroupSize) => {
          const events = generated.map((event, index) => ({
            ...event,
            id: `${index}:${event.id}`,
          }));
          const result = await readParquet(
            await writeParquet(events, { compression, rowGroupSize }),
          );
          expect(result.rejected).toEqual([]);
          expect(result.issues).toEqual([]);
          expect(result.events).toEqual(events);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps what text would lose: big counts, date-time offsets and digits, empty lists', async () => {
    const event: ConflictEvent = {
      ...sampleEvent(),
      fatalities: { known: true, best: Number.MAX_SAFE_INTEGER, low: 0 },
      tags: [],
      // TextDecoder drops a leading U+FEFF unless told not to.
      notes: '\uFEFFbegins with a byte-order mark',
      provenance: {
        dataset: 'manual',
        modified: '2016-08-01T23:59:59.123456789+05:45',
        retrieved: '0001-01-01T00:00:00Z',
      },
    };
    expect((await readParquet(await writeParquet([event]))).events).toEqual([event]);
  });

  it('reads from a Blob a row group at a time, in batches of batchSize', async () => {
    const events = Array.from({ length: 250 }, (_, index) => syntheticEvent(index));
    const bytes = await writeParquet(events, { rowGroupSize: 100 });
    const batches = await collect(
      readGeoParquetFile(asyncBufferFromBlob(new Blob([bytes.slice()])), {
        batchSize: 40,
        file: 'events.parquet',
      }),
    );
    const result = summarise(batches);
    expect(result.events).toEqual(events);
    expect(batches.every((batch) => batch.records <= 40)).toBe(true);
    // Rows count the column names as row 1, as Frictionless does.
    expect(batches[0]?.positions[0]).toEqual({ row: 2 });
    expect(batches.at(-1)?.positions.at(-1)).toEqual({ row: 251 });
    expect(JSON.parse(batches[0]?.raws[0] as string)).toMatchObject({
      id: 'synthetic:0',
      country: 'SDN',
    });
  });
});

describe('the GeoParquet reader: bad input', () => {
  it('reports input that is not Parquet, or has lost its footer, and reads no record', async () => {
    const garbage = await readParquet(new TextEncoder().encode('id,date\n1,2016-08-01\n'));
    expect(garbage.records).toBe(0);
    expect(garbage.issues).toEqual([
      expect.objectContaining({
        code: 'source-error',
        severity: 'error',
        message: expect.stringContaining('does not start with PAR1'),
      }),
    ]);
    const bytes = await writeParquet([sampleEvent()]);
    const cut = await readParquet(bytes.subarray(0, bytes.length - 10), { file: 'cut.parquet' });
    expect(cut.records).toBe(0);
    expect(cut.issues).toEqual([
      expect.objectContaining({
        code: 'source-error',
        file: 'cut.parquet',
        message: expect.stringContaining('footer is missing'),
      }),
    ]);
    const empty = await readParquet(new Uint8Array(0));
    expect(empty.issues[0]?.message).toBe('the input is empty, not a Parquet file');
  });

  it('does not skip a byte-order mark before PAR1: the bytes are not Parquet', async () => {
    const bytes = await writeParquet([sampleEvent()]);
    const result = await readParquet(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]));
    expect(result.records).toBe(0);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'source-error',
        message: expect.stringContaining('does not start with PAR1'),
      }),
    ]);
  });

  it('reports a footer that does not parse', async () => {
    const bytes = await writeParquet([sampleEvent()]);
    const broken = bytes.slice();
    // The footer's length field says more bytes than the file has.
    new DataView(broken.buffer).setUint32(broken.length - 8, 0x7fffffff, true);
    const result = await readParquet(broken);
    expect(result.records).toBe(0);
    expect(result.issues[0]).toMatchObject({
      code: 'source-error',
      message: expect.stringContaining('footer cannot be read'),
    });
  });

  it('skips a row group that cannot be decoded and reads the others', async () => {
    const events = Array.from({ length: 30 }, (_, index) => syntheticEvent(index));
    const bytes = await writeParquet(events, { rowGroupSize: 10, compression: 'uncompressed' });
    const metadata = parquetMetadata(bytes.slice().buffer, { geoparquet: false });
    const broken = bytes.slice();
    // Overwrite the first page header of the second row group's first column.
    const start = Number(metadata.row_groups[1]?.columns[0]?.meta_data?.data_page_offset);
    broken.fill(0xff, start, start + 16);
    const result = await readParquet(broken);
    expect(result.events.map((event) => event.id)).toEqual([
      ...events.slice(0, 10).map((event) => event.id),
      ...events.slice(20).map((event) => event.id),
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'source-error',
        message: expect.stringContaining('row group 2 (rows 12–21) cannot be read'),
      }),
    ]);
  });

  it('stops with a LimitError beyond maxFileBytes', async () => {
    const bytes = await writeParquet([sampleEvent()]);
    await expect(readParquet(bytes, { maxFileBytes: bytes.length - 1 })).rejects.toBeInstanceOf(
      LimitError,
    );
    await expect(readParquet(bytes, { maxFileBytes: 0 })).rejects.toThrow(RangeError);
    expect((await readParquet(bytes, { maxFileBytes: bytes.length })).events).toHaveLength(1);
  });

  it('stops with a LimitError when pages would decompress past the limits', async () => {
    const event = { ...sampleEvent(), notes: 'x'.repeat(200_000) };
    const bytes = await writeParquet([event]);
    const reading = readParquet(bytes, { limits: { maxDecompressedBytes: 100_000 } });
    await expect(reading).rejects.toMatchObject({
      name: 'LimitError',
      limit: 'maxDecompressedBytes',
    });
    const big = await writeParquet([{ ...sampleEvent(), notes: 'x'.repeat(3_000_000) }]);
    const ratio = readParquet(big, { limits: { maxCompressionRatio: 10 } });
    await expect(ratio).rejects.toMatchObject({ name: 'LimitError', limit: 'maxCompressionRatio' });
  });
});

describe('the GeoParquet reader: files of other tools (written by DuckDB)', () => {
  const folder = temporaryFolder();
  let db: Awaited<ReturnType<typeof duckdb>>;

  beforeAll(async () => {
    db = await duckdb();
  });
  afterAll(() => {
    db.close();
    folder.remove();
  });

  async function duckdbFile(name: string, select: string, options = ''): Promise<Uint8Array> {
    const path = join(folder.path, name);
    await db.query(`COPY (${select}) TO '${path}' (FORMAT parquet${options})`);
    return new Uint8Array(readFileSync(path));
  }

  const required = `'manual' AS provenance_dataset, 'day' AS date_precision, 'place' AS location_precision`;

  it('maps canonical columns whatever their types, and keeps the other columns in provenance.unmapped', async () => {
    const bytes = await duckdbFile(
      'extra.parquet',
      `SELECT 'duck:1' AS id, DATE '2016-08-01' AS date_start, '2016-08-01' AS date_end, ${required},
        4::SMALLINT AS fatalities_best, 'SYR' AS country, 652 AS gwno, 1152921504606846977::BIGINT AS huge,
        TIMESTAMP '2020-01-02 03:04:05.678' AS edited, '\\x00\\xFF'::BLOB AS raw_bytes,
        {'a': 1, 'b': [true, false]} AS nested, NULL::VARCHAR AS nothing`,
    );
    const result = await readParquet(bytes);
    expect(result.rejected).toEqual([]);
    expect(result.events).toEqual([
      {
        id: 'duck:1',
        date: { start: '2016-08-01', end: '2016-08-01', precision: 'day' },
        location: { country: 'SYR', precision: 'place' },
        type: {},
        actors: [],
        fatalities: { known: true, best: 4 },
        sources: [],
        provenance: {
          dataset: 'manual',
          unmapped: {
            gwno: 652,
            huge: '1152921504606846977',
            edited: '2020-01-02T03:04:05.678Z',
            raw_bytes: '0x00ff',
            nested: '{"a":1,"b":[true,false]}',
          },
        },
      },
    ]);
  });

  it('takes the point from a WKB geometry when the file has no latitude and longitude', async () => {
    const geo = JSON.stringify({
      version: '1.1.0',
      primary_column: 'geom',
      columns: { geom: { encoding: 'WKB', geometry_types: ['Point'] } },
    });
    const bytes = await duckdbFile(
      'geometry.parquet',
      `SELECT * FROM (VALUES
        ('g:1', from_hex('0101000000000000000000f03f0000000000000040')),
        ('g:2', NULL),
        ('g:3', from_hex('00000000013ff00000000000004000000000000000'))) AS t(id, geom)
        CROSS JOIN (SELECT '2016-08-01' AS date_start, '2016-08-01' AS date_end, ${required})`,
      `, KV_METADATA {geo: '${geo}'}`,
    );
    const result = await readParquet(bytes);
    expect(result.rejected).toEqual([]);
    expect(result.events.map((event) => [event.id, event.location.point])).toEqual([
      ['g:1', { lat: 2, lon: 1 }],
      ['g:2', undefined],
      ['g:3', { lat: 2, lon: 1 }],
    ]);
    expect(result.events[0]?.provenance.unmapped).toBeUndefined();
  });

  it('rejects rows whose geometry is not a point, or not in WGS84', async () => {
    const lineString =
      '010200000002000000000000000000000000000000000000000000000000000000f03f000000000000f03f';
    const select = `SELECT 'g:1' AS id, from_hex('${lineString}') AS geometry, '2016-08-01' AS date_start, '2016-08-01' AS date_end, ${required}`;
    const wgs84 = JSON.stringify({
      version: '1.1.0',
      primary_column: 'geometry',
      columns: { geometry: { encoding: 'WKB', geometry_types: [] } },
    });
    const line = await readParquet(
      await duckdbFile('line.parquet', select, `, KV_METADATA {geo: '${wgs84}'}`),
    );
    expect(line.rejected[0]?.issues).toEqual([
      expect.objectContaining({ code: 'geometry-type', field: 'geometry', fieldNumber: 2, row: 2 }),
    ]);
    const mercator = JSON.stringify({
      version: '1.1.0',
      primary_column: 'geometry',
      columns: {
        geometry: {
          encoding: 'WKB',
          geometry_types: ['Point'],
          crs: { id: { authority: 'EPSG', code: 3857 } },
        },
      },
    });
    const point = `SELECT 'g:2' AS id, from_hex('0101000000000000000000f03f0000000000000040') AS geometry, '2016-08-01' AS date_start, '2016-08-01' AS date_end, ${required}`;
    const projected = await readParquet(
      await duckdbFile('mercator.parquet', point, `, KV_METADATA {geo: '${mercator}'}`),
    );
    expect(projected.rejected[0]?.issues).toEqual([
      expect.objectContaining({ code: 'crs-unsupported', field: 'geometry' }),
    ]);
  });

  it('rejects rows that are not events, with their row, column and cells', async () => {
    const bytes = await duckdbFile(
      'bad-rows.parquet',
      `SELECT * FROM (VALUES
        ('r:1', '2016-08-01', 3, '[]'),
        ('r:2', '2016-02-30', 3, '[]'),
        ('r:3', '2016-08-01', -3, '[]'),
        ('r:4', '2016-08-01', 1, '[{"name": "x"'),
        (NULL, '2016-08-01', 1, '[]')) AS t(id, date_start, fatalities_best, actors)
        CROSS JOIN (SELECT '2016-08-01' AS date_end, ${required})`,
    );
    const result = await readParquet(bytes, { file: 'bad-rows.parquet' });
    expect(result.records).toBe(5);
    expect(result.events.map((event) => event.id)).toEqual(['r:1']);
    const byRow = new Map(result.rejected.map((reject) => [reject.position.row, reject]));
    expect([...byRow.keys()]).toEqual([3, 4, 5, 6]);
    expect(byRow.get(3)?.issues[0]).toMatchObject({
      field: 'date_start',
      fieldNumber: 2,
      row: 3,
      file: 'bad-rows.parquet',
    });
    expect(byRow.get(4)?.issues[0]).toMatchObject({
      code: 'constraint-error',
      field: 'fatalities_best',
      fieldNumber: 3,
    });
    expect(byRow.get(5)?.issues[0]).toMatchObject({
      code: 'type-error',
      field: 'actors',
      fieldNumber: 4,
    });
    expect(byRow.get(6)?.issues[0]).toMatchObject({ code: 'missing-field', field: 'id' });
    expect(JSON.parse(byRow.get(4)?.raw as string)).toMatchObject({
      id: 'r:3',
      fatalities_best: -3,
    });
  });

  it('warns about dataset metadata that is not valid, and leaves it out', async () => {
    const bytes = await duckdbFile(
      'metadata.parquet',
      `SELECT 'm:1' AS id, '2016-08-01' AS date_start, '2016-08-01' AS date_end, ${required}`,
      `, KV_METADATA {"conflict-events": '{"title": ""}'}`,
    );
    const result = await readParquet(bytes);
    expect(result.events).toHaveLength(1);
    expect(result.batches.at(-1)?.metadata).toBeUndefined();
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'type-error',
        severity: 'warning',
        message: expect.stringContaining('not valid dataset metadata'),
      }),
    ]);
  });
});
