// The writer: the file layout (typed columns, WKB geometry, bbox covering, `geo` metadata),
// streaming by row group, compression and the other options.
import { csvColumns } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import { type FileMetaData, parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../../schema/test/arbitraries.ts';
import { geoParquetFormat } from '../src/index.ts';
import { asyncBufferFromBytes } from '../src/parquet-source.ts';
import { collect, concat, readParquet, writeParquet } from './helpers.ts';
import { syntheticEvent } from './synthetic-events.ts';

function metadataOf(bytes: Uint8Array): FileMetaData {
  return parquetMetadata(bytes.slice().buffer, { geoparquet: false });
}

function geoOf(metadata: FileMetaData): unknown {
  const text = metadata.key_value_metadata?.find((entry) => entry.key === 'geo')?.value;
  return text === undefined ? undefined : JSON.parse(text);
}

async function rawRows(bytes: Uint8Array) {
  return parquetReadObjects({
    file: asyncBufferFromBytes(bytes),
    metadata: metadataOf(bytes),
    compressors,
    utf8: false,
    geoparquet: false,
  });
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function withPoint(id: string, lon: number, lat: number): ConflictEvent {
  const event = sampleEvent();
  return { ...event, id, location: { ...event.location, point: { lat, lon } } };
}

function withoutPoint(id: string): ConflictEvent {
  const { point: _point, ...location } = sampleEvent().location;
  return { ...sampleEvent(), id, location };
}

describe('the GeoParquet writer: layout', () => {
  it('writes every canonical column under its name, then geometry and its bbox', async () => {
    const metadata = metadataOf(await writeParquet([sampleEvent()]));
    const top = parquetSchema(metadata).children.map((child) => child.element);
    expect(top.map((element) => element.name)).toEqual([
      ...csvColumns.map((column) => column.name),
      'geometry',
      'bbox',
    ]);
    const byName = new Map(top.map((element) => [element.name, element]));
    expect(byName.get('id')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    expect(byName.get('date_start')).toMatchObject({ type: 'INT32', converted_type: 'DATE' });
    expect(byName.get('fatalities_best')).toMatchObject({ type: 'INT64' });
    expect(byName.get('ucdp_type_of_violence')).toMatchObject({ type: 'INT32' });
    expect(byName.get('latitude')).toMatchObject({ type: 'DOUBLE' });
    expect(byName.get('civilian_targeting')).toMatchObject({ type: 'BOOLEAN' });
    expect(byName.get('provenance_modified')).toMatchObject({
      type: 'BYTE_ARRAY',
      converted_type: 'UTF8',
    });
    expect(byName.get('actors')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    expect(byName.get('tags')).toMatchObject({ converted_type: 'LIST', num_children: 1 });
    expect(byName.get('geometry')).toEqual({
      name: 'geometry',
      type: 'BYTE_ARRAY',
      repetition_type: 'OPTIONAL',
    });
    const bbox = parquetSchema(metadata).children.find((child) => child.element.name === 'bbox');
    expect(bbox?.children.map((child) => [child.element.name, child.element.type])).toEqual([
      ['xmin', 'DOUBLE'],
      ['ymin', 'DOUBLE'],
      ['xmax', 'DOUBLE'],
      ['ymax', 'DOUBLE'],
    ]);
  });

  it('writes GeoParquet 1.1 metadata: WKB points, the bbox of all points, the covering, no CRS', async () => {
    const bytes = await writeParquet([
      withPoint('a', 37.1, 36.2),
      withoutPoint('b'),
      withPoint('c', -10.5, 51),
      withPoint('d', 12, -3.25),
    ]);
    expect(geoOf(metadataOf(bytes))).toEqual({
      version: '1.1.0',
      primary_column: 'geometry',
      columns: {
        geometry: {
          encoding: 'WKB',
          geometry_types: ['Point'],
          bbox: [-10.5, -3.25, 37.1, 51],
          covering: {
            bbox: {
              xmin: ['bbox', 'xmin'],
              ymin: ['bbox', 'ymin'],
              xmax: ['bbox', 'xmax'],
              ymax: ['bbox', 'ymax'],
            },
          },
        },
      },
    });
  });

  it('leaves the bbox out of the metadata when no event has a point', async () => {
    const geo = geoOf(metadataOf(await writeParquet([withoutPoint('a')]))) as {
      columns: { geometry: Record<string, unknown> };
    };
    expect(geo.columns.geometry).not.toHaveProperty('bbox');
    expect(geo.columns.geometry.geometry_types).toEqual(['Point']);
  });

  it('writes each point as 21-byte little-endian WKB with its bbox; null for no point', async () => {
    const rows = await rawRows(await writeParquet([withPoint('a', 1, 2), withoutPoint('b')]));
    expect(toHex(rows[0]?.geometry as Uint8Array)).toBe(
      '0101000000000000000000f03f0000000000000040',
    );
    expect(rows[0]?.bbox).toEqual({ xmin: 1, ymin: 2, xmax: 1, ymax: 2 });
    expect(rows[1]?.geometry ?? null).toBeNull();
    expect(rows[1]?.bbox ?? null).toBeNull();
  });

  it('stores values typed: dates as days, counts as 64-bit, lists as lists, records as JSON', async () => {
    const event: ConflictEvent = {
      ...sampleEvent(),
      fatalities: { known: true, best: 3_000_000_000 },
      tags: ['toll-disputed', 'a,b'],
      civilianTargeting: false,
      type: { ...sampleEvent().type, ucdp: { typeOfViolence: 2, conflictId: 2 ** 40 } },
    };
    const [row] = await rawRows(await writeParquet([event]));
    expect(row?.date_start).toEqual(new Date('2016-08-01T00:00:00Z'));
    expect(row?.fatalities_best).toBe(3_000_000_000n);
    expect(row?.ucdp_type_of_violence).toBe(2);
    expect(row?.ucdp_conflict_id).toBe(2n ** 40n);
    expect(row?.tags).toEqual(['toll-disputed', 'a,b']);
    expect(row?.civilian_targeting).toBe(false);
    expect(JSON.parse(row?.actors as string)).toEqual(event.actors);
    expect(row?.notes ?? null).toBeNull();
  });
});

describe('the GeoParquet writer: streaming and options', () => {
  it('cuts row groups of rowGroupSize events', async () => {
    const events = Array.from({ length: 25 }, (_, index) => syntheticEvent(index));
    const metadata = metadataOf(await writeParquet(events, { rowGroupSize: 10 }));
    expect(metadata.row_groups.map((group) => Number(group.num_rows))).toEqual([10, 10, 5]);
  });

  it('hands out each row group while events are still coming', async () => {
    let pulled = 0;
    async function* input() {
      for (let index = 0; index < 5000; index++) {
        pulled += 1;
        yield syntheticEvent(index);
      }
    }
    const pulledAtChunk: number[] = [];
    for await (const _chunk of geoParquetFormat.write(input(), {
      rowGroupSize: 500,
      compression: 'snappy',
    })) {
      pulledAtChunk.push(pulled);
    }
    // One chunk a row group (the first carries the header) and a last one with the footer.
    expect(pulledAtChunk).toHaveLength(11);
    // Events reach the writer in groups of 1000 (eventArrays), so no chunk waits for more.
    expect(pulledAtChunk[0]).toBeLessThanOrEqual(1000);
    expect(pulledAtChunk[4]).toBeLessThan(5000);
  });

  it('writes no events as a valid file with no row group', async () => {
    const bytes = await writeParquet([]);
    const metadata = metadataOf(bytes);
    expect(metadata.row_groups).toEqual([]);
    expect(geoOf(metadata)).toMatchObject({ version: '1.1.0', primary_column: 'geometry' });
    const result = await readParquet(bytes);
    expect(result.records).toBe(0);
    expect(result.issues).toEqual([]);
  });

  it.each([
    ['zstd', 'ZSTD'],
    ['snappy', 'SNAPPY'],
    ['uncompressed', 'UNCOMPRESSED'],
  ] as const)('compression %s sets the codec of every column chunk', async (compression, codec) => {
    const metadata = metadataOf(await writeParquet([sampleEvent()], { compression }));
    const codecs = new Set(
      metadata.row_groups[0]?.columns.map((column) => column.meta_data?.codec),
    );
    expect([...codecs]).toEqual([codec]);
  });

  it('compresses by zstd by default', async () => {
    const metadata = metadataOf(await writeParquet([sampleEvent()]));
    expect(metadata.row_groups[0]?.columns[0]?.meta_data?.codec).toBe('ZSTD');
  });

  it('refuses bad options before writing anything', async () => {
    await expect(writeParquet([sampleEvent()], { rowGroupSize: 0 })).rejects.toThrow(RangeError);
    await expect(writeParquet([sampleEvent()], { rowGroupSize: 1.5 })).rejects.toThrow(RangeError);
    await expect(writeParquet([sampleEvent()], { compression: 'gzip' as 'zstd' })).rejects.toThrow(
      /compression must be one of zstd, snappy, uncompressed/,
    );
  });

  it('keeps dataset metadata in the footer and gives it back on the last batch', async () => {
    const metadata = {
      schemaVersion: '1.0.0',
      title: 'Synthetic events',
      licence: 'CC0-1.0',
      generatedAt: '2026-01-02T03:04:05Z',
    };
    const bytes = await writeParquet([sampleEvent()], { metadata });
    const result = await readParquet(bytes);
    expect(result.batches.at(-1)?.metadata).toEqual(metadata);
    expect(result.batches.slice(0, -1).every((batch) => batch.metadata === undefined)).toBe(true);
  });

  it('refuses, naming the event and column, a value an unchecked event cannot store', async () => {
    const event = {
      ...sampleEvent(),
      id: 'bad:1',
      fatalities: { known: true, best: 1.5 },
    } as ConflictEvent;
    await expect(writeParquet([event])).rejects.toThrow(
      'event "bad:1": fatalities_best: 1.5 is not an integer',
    );
    const badDate = {
      ...sampleEvent(),
      id: 'bad:2',
      date: { start: '2016-02-30', end: '2016-02-30', precision: 'day' },
    } as ConflictEvent;
    await expect(writeParquet([badDate])).rejects.toThrow(
      'event "bad:2": date_start: "2016-02-30" is not a YYYY-MM-DD date',
    );
    const badTags = { ...sampleEvent(), id: 'bad:3', tags: ['ok', 7] } as unknown as ConflictEvent;
    await expect(writeParquet([badTags])).rejects.toThrow(
      'event "bad:3": tags: not a list of strings',
    );
  });

  it('writes batches as readers yield them', async () => {
    const events = [sampleEvent(), { ...sampleEvent(), id: 'test:2' }];
    async function* batches() {
      yield { events, positions: [{}, {}], raws: ['', ''], rejected: [], issues: [], records: 2 };
    }
    const bytes = concat(await collect(geoParquetFormat.write(batches())));
    expect((await readParquet(bytes)).events).toEqual(events);
  });
});
