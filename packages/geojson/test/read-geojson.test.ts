// Reading GeoJSON documents: FeatureCollections as streams, single Features, arrays of
// features, metadata, crs, and hostile input.
import { type DatasetMetadata, LimitError } from '@conflict-events/io';
import { type ConflictEvent, SCHEMA_VERSION } from '@conflict-events/schema';
import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../../schema/test/arbitraries.ts';
import { geojsonFormat } from '../src/index.ts';
import { chunked, collect, fromArray, summarise, writtenText } from './helpers.ts';

const metadata: DatasetMetadata = {
  schemaVersion: SCHEMA_VERSION,
  title: 'Aleppo',
  generatedAt: '2024-05-01T12:00:00Z',
};

function feature(event: ConflictEvent, extra: Record<string, unknown> = {}): string {
  const point = event.location.point;
  return JSON.stringify({
    type: 'Feature',
    id: event.id,
    geometry: point ? { type: 'Point', coordinates: [point.lon, point.lat] } : null,
    properties: event,
    ...extra,
  });
}

const second: ConflictEvent = { ...sampleEvent(), id: 'test:2' };

async function read(
  input: string | Uint8Array,
  options: Parameters<typeof geojsonFormat.read>[1] = {},
  size = 7,
) {
  return summarise(await collect(geojsonFormat.read(chunked(input, size), options)));
}

describe('geojsonFormat.read: FeatureCollections', () => {
  it('reads features with pointers and byte offsets, and the metadata on the last batch', async () => {
    const first = feature(sampleEvent());
    const input = `{"type":"FeatureCollection","conflictEvents":${JSON.stringify(metadata)},"features":[\n${first},\n${feature(second)}\n]}\n`;
    const result = await read(input, { batchSize: 1 });
    expect(result.events).toEqual([sampleEvent(), second]);
    expect(result.positions).toEqual([
      { pointer: '/features/0', byteOffset: input.indexOf(first) },
      { pointer: '/features/1', byteOffset: input.lastIndexOf('{"type":"Feature"') },
    ]);
    expect(result.raws).toEqual([first, feature(second)]);
    expect(result.issues).toEqual([]);
    expect(result.batches.at(-1)?.metadata).toEqual(metadata);
    expect(result.batches.slice(0, -1).every((batch) => batch.metadata === undefined)).toBe(true);
  });

  it('reads the metadata member after the features, and other members without a word', async () => {
    const input = `{"type":"FeatureCollection","name":"events","bbox":[0,0,1,1],"features":[${feature(sampleEvent())}],"conflictEvents":${JSON.stringify({ ...metadata, licence: 'CC-BY-4.0' })}}`;
    const result = await read(input);
    expect(result.events).toHaveLength(1);
    expect(result.issues).toEqual([]);
    expect(result.batches.at(-1)?.metadata).toEqual({ ...metadata, licence: 'CC-BY-4.0' });
  });

  it('reports invalid metadata with pointers under /conflictEvents, and still reads the features', async () => {
    const bad = {
      schemaVersion: SCHEMA_VERSION,
      title: '',
      generatedAt: 'yesterday',
      colour: 'red',
    };
    const input = `{"type":"FeatureCollection","conflictEvents":${JSON.stringify(bad)},"features":[${feature(sampleEvent())}]}`;
    const result = await read(input, { file: 'events.geojson' });
    expect(result.events).toHaveLength(1);
    expect(result.batches.every((batch) => batch.metadata === undefined)).toBe(true);
    expect(result.issues.map((issue) => [issue.code, issue.pointer]).sort()).toEqual([
      ['constraint-error', '/conflictEvents/title'],
      ['extra-field', '/conflictEvents/colour'],
      ['type-error', '/conflictEvents/generatedAt'],
    ]);
    expect(result.issues.every((issue) => issue.file === 'events.geojson')).toBe(true);
    const notObject = await read(`{"type":"FeatureCollection","conflictEvents":"x","features":[]}`);
    expect(notObject.issues).toEqual([
      expect.objectContaining({ code: 'type-error', pointer: '/conflictEvents' }),
    ]);
  });

  it('reads an empty FeatureCollection as zero records and no issue', async () => {
    const result = await read('{"type":"FeatureCollection","features":[]}');
    expect(result.records).toBe(0);
    expect(result.issues).toEqual([]);
  });

  it('rejects elements that are not Features, each with its raw text and pointer', async () => {
    const input = `{"type":"FeatureCollection","features":[5,{"type":"Point","coordinates":[1,2]},null,${feature(sampleEvent())}]}`;
    const result = await read(input);
    expect(result.records).toBe(4);
    expect(result.events).toHaveLength(1);
    expect(result.rejected.map((record) => [record.position.pointer, record.raw])).toEqual([
      ['/features/0', '5'],
      ['/features/1', '{"type":"Point","coordinates":[1,2]}'],
      ['/features/2', 'null'],
    ]);
    expect(result.rejected[1]?.issues).toEqual([
      expect.objectContaining({
        code: 'type-error',
        pointer: '/features/1/type',
        message: 'a GeoJSON Point is not a Feature; each record must be a GeoJSON Feature',
      }),
    ]);
  });

  it('positions schema issues where the value sits in the feature', async () => {
    const badDate = {
      ...sampleEvent(),
      date: { start: 'Monday', end: '2016-08-01', precision: 'day' },
    };
    const farNorth = {
      ...sampleEvent(),
      location: { country: 'SYR', precision: 'place' },
    } as ConflictEvent;
    const input = `{"type":"FeatureCollection","features":[${JSON.stringify({ type: 'Feature', id: 'test:1', geometry: null, properties: badDate })},${JSON.stringify({ type: 'Feature', id: 'test:1', geometry: { type: 'Point', coordinates: [37, 91] }, properties: farNorth })}]}`;
    const result = await read(input, { file: 'x.geojson' });
    expect(result.rejected.map((record) => record.issues)).toEqual([
      [
        expect.objectContaining({
          code: 'type-error',
          pointer: '/features/0/properties/date/start',
          value: 'Monday',
          file: 'x.geojson',
        }),
      ],
      [
        expect.objectContaining({
          code: 'constraint-error',
          pointer: '/features/1/geometry/coordinates/1',
        }),
      ],
    ]);
  });

  it('takes the Feature id when the properties have none (as GDAL writes them)', async () => {
    const { id: _id, ...withoutId } = sampleEvent();
    const input = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'test:1', geometry: null, properties: withoutId },
        { type: 'Feature', id: 17, geometry: null, properties: withoutId },
        { type: 'Feature', geometry: null, properties: withoutId },
      ],
    });
    const result = await read(input);
    expect(result.events.map((event) => event.id)).toEqual(['test:1', '17']);
    expect(result.rejected[0]?.issues).toEqual([
      expect.objectContaining({ code: 'missing-field', pointer: '/features/2/properties/id' }),
    ]);
  });

  it('warns when the Feature id and the properties’ id differ, and keeps the properties’ id', async () => {
    const input = `{"type":"FeatureCollection","features":[${feature(sampleEvent(), { id: 'other' })}]}`;
    const result = await read(input);
    expect(result.events.map((event) => event.id)).toEqual(['test:1']);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'feature-id-differs',
        severity: 'warning',
        pointer: '/features/0/id',
      }),
    ]);
  });

  it('keeps the exact point when the geometry is its rounding, and takes a moved geometry with a warning', async () => {
    const exact = {
      ...sampleEvent(),
      location: {
        precision: 'place' as const,
        point: { lat: 36.20212345678, lon: 37.13439876543 },
      },
    };
    const rounded = JSON.stringify({
      type: 'Feature',
      id: 'test:1',
      geometry: { type: 'Point', coordinates: [37.134399, 36.202123] },
      properties: exact,
    });
    const moved = JSON.stringify({
      type: 'Feature',
      id: 'test:1',
      geometry: { type: 'Point', coordinates: [37.2, 36.3] },
      properties: exact,
    });
    const result = await read(`{"type":"FeatureCollection","features":[${rounded},${moved}]}`);
    expect(result.events.map((event) => event.location.point)).toEqual([
      { lat: 36.20212345678, lon: 37.13439876543 },
      { lat: 36.3, lon: 37.2 },
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'geometry-differs',
        severity: 'warning',
        pointer: '/features/1/geometry/coordinates',
      }),
    ]);
  });

  it('reports a truncated document where it stopped, keeping the features before it', async () => {
    const input = `{"type":"FeatureCollection","features":[${feature(sampleEvent())},{"type":"Feature","properties":{"id":`;
    const result = await read(input);
    expect(result.events).toHaveLength(1);
    expect(result.records).toBe(1);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'invalid-json',
        severity: 'error',
        pointer: '/features/1',
        byteOffset: new TextEncoder().encode(input).length,
      }),
    ]);
  });

  it('reports text that is not JSON with its byte offset, and stops', async () => {
    const input = `{"type":"FeatureCollection","features":[${feature(sampleEvent())}, @]}`;
    const result = await read(input);
    expect(result.events).toHaveLength(1);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'invalid-json',
        byteOffset: input.indexOf('@'),
        pointer: '/features/1',
      }),
    ]);
  });

  it.each([
    ['an empty input', '', 'invalid-json', undefined],
    ['a number', '42', 'type-error', undefined],
    ['a bare geometry', '{"type":"Point","coordinates":[1,2]}', 'type-error', '/type'],
    ['an object without type', '{"name":"x"}', 'missing-field', '/type'],
    [
      'a FeatureCollection without features',
      '{"type":"FeatureCollection"}',
      'missing-field',
      '/features',
    ],
    [
      'features that are not an array',
      '{"type":"FeatureCollection","features":{}}',
      'type-error',
      '/features',
    ],
    ['features under another type', '{"type":"Topology","features":[]}', 'type-error', '/type'],
  ])('reports %s as one issue and no record', async (_name, input, code, pointer) => {
    const result = await read(input);
    expect(result.records).toBe(0);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code, severity: 'error' });
    expect(result.issues[0]?.pointer).toBe(pointer);
  });

  it('warns about a second features array and reads both', async () => {
    const input = `{"type":"FeatureCollection","features":[${feature(sampleEvent())}],"features":[${feature(second)}]}`;
    const result = await read(input);
    expect(result.events.map((event) => event.id)).toEqual(['test:1', 'test:2']);
    expect(result.positions.map((position) => position.pointer)).toEqual([
      '/features/0',
      '/features/0',
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'duplicate-key', severity: 'warning', pointer: '/features' }),
    ]);
  });

  it('hands out batches of batchSize records', async () => {
    const features = Array.from({ length: 5 }, () => feature(sampleEvent())).join(',');
    const result = await read(`{"type":"FeatureCollection","features":[${features}]}`, {
      batchSize: 2,
    });
    expect(result.batches.map((batch) => batch.records)).toEqual([2, 2, 1]);
  });

  it('refuses a batchSize or maxDepth that is not a positive integer', async () => {
    await expect(collect(geojsonFormat.read(chunked('{}'), { batchSize: 0 }))).rejects.toThrow(
      RangeError,
    );
    await expect(collect(geojsonFormat.read(chunked('{}'), { maxDepth: 1.5 }))).rejects.toThrow(
      RangeError,
    );
  });

  it('stops with a LimitError on a feature longer than maxRecordLength', async () => {
    const long = feature({ ...sampleEvent(), notes: 'x'.repeat(5000) });
    const input = `{"type":"FeatureCollection","features":[${feature(sampleEvent())},${long}]}`;
    const reading = collect(
      geojsonFormat.read(chunked(input, 512), { limits: { maxRecordLength: 2000 } }),
    );
    await expect(reading).rejects.toBeInstanceOf(LimitError);
    await expect(reading).rejects.toMatchObject({
      limit: 'maxRecordLength',
      position: { byteOffset: input.indexOf(long) },
    });
  });

  it('does not change the options it is given', async () => {
    const options = Object.freeze({
      file: 'a.geojson',
      batchSize: 1,
      maxDepth: 10,
      encoding: 'utf-8',
    });
    const copy = structuredClone(options);
    await read(`{"type":"FeatureCollection","features":[${feature(sampleEvent())}]}`, options);
    expect(options).toEqual(copy);
  });
});

describe('geojsonFormat.read: other documents', () => {
  it('reads a document that is one Feature, pretty-printed, its members in any order', async () => {
    const event = sampleEvent();
    const input = JSON.stringify(
      {
        properties: event,
        geometry: { coordinates: [37.1343, 36.2021], type: 'Point' },
        type: 'Feature',
      },
      null,
      2,
    );
    const result = await read(`\n${input}\n`);
    expect(result.events).toEqual([event]);
    expect(result.positions).toEqual([{ pointer: '', byteOffset: 1 }]);
    expect(result.issues).toEqual([]);
  });

  it('reads a top-level array of features, the layout of its rejects file', async () => {
    const input = `[${feature(sampleEvent())},\n{"type":"Feature","geometry":null,"properties":{"id":"x"}}]`;
    const result = await read(input);
    expect(result.events).toHaveLength(1);
    expect(result.positions[0]?.pointer).toBe('/0');
    expect(result.rejected.map((record) => record.position.pointer)).toEqual(['/1']);
  });

  it('writes its own output and reads it back, whatever the chunk size', async () => {
    const events = [sampleEvent(), second];
    const text = await writtenText(
      geojsonFormat.write(fromArray(events), { metadata, bbox: true }),
    );
    for (const size of [1, 3, 64, 100_000]) {
      const result = await read(text, {}, size);
      expect(result.events).toEqual(events);
      expect(result.batches.at(-1)?.metadata).toEqual(metadata);
    }
  });
});

describe('geojsonFormat.read: crs', () => {
  const crs = (name: string) => ({ type: 'name', properties: { name } });

  it.each([
    'urn:ogc:def:crs:OGC:1.3:CRS84',
    'urn:ogc:def:crs:EPSG::4326',
    'EPSG:4326',
    'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
  ])('accepts the WGS84 name %s without an issue', async (name) => {
    const input = `{"type":"FeatureCollection","crs":${JSON.stringify(crs(name))},"features":[${feature(sampleEvent())}]}`;
    const result = await read(input);
    expect(result.events).toEqual([sampleEvent()]);
    expect(result.issues).toEqual([]);
  });

  it('rejects every feature under a projected crs, keeping each one’s raw text', async () => {
    const input = `{"type":"FeatureCollection","crs":${JSON.stringify(crs('urn:ogc:def:crs:EPSG::3857'))},"features":[${feature(sampleEvent())},${feature(second)}]}`;
    const result = await read(input);
    expect(result.events).toEqual([]);
    expect(result.rejected.map((record) => record.raw)).toEqual([
      feature(sampleEvent()),
      feature(second),
    ]);
    expect(result.rejected[0]?.issues).toEqual([
      expect.objectContaining({
        code: 'crs-unsupported',
        severity: 'error',
        pointer: '/features/0',
      }),
    ]);
    expect(result.rejected[0]?.issues[0]?.message).toContain('EPSG::3857');
    expect(result.rejected[0]?.issues[0]?.message).toContain('ogr2ogr -t_srs EPSG:4326');
  });

  it('reports a projected crs that comes after the features as a document error', async () => {
    const input = `{"type":"FeatureCollection","features":[${feature(sampleEvent())}],"crs":${JSON.stringify(crs('EPSG:32637'))}}`;
    const result = await read(input);
    expect(result.events).toHaveLength(1);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'crs-unsupported', severity: 'error', pointer: '/crs' }),
    ]);
    expect(result.issues[0]?.message).toContain('after 1 features');
  });

  it('checks the crs of a single Feature too', async () => {
    const input = feature(sampleEvent(), { crs: crs('EPSG:27700') });
    const result = await read(input);
    expect(result.rejected[0]?.issues[0]?.code).toBe('crs-unsupported');
  });
});

describe('geojsonFormat.read: hostile input', () => {
  it('keeps "__proto__" and "constructor" keys from touching prototypes', async () => {
    const event = JSON.stringify(sampleEvent());
    const features = [
      `{"type":"Feature","geometry":null,"properties":{"__proto__":{"polluted":true},${event.slice(1)}}`,
      `{"type":"Feature","geometry":null,"properties":{"id":"f","date_start":"2016-08-01","date_end":"2016-08-01","date_precision":"day","location_precision":"place","provenance_dataset":"manual","__proto__":{"polluted":true}}}`,
      `{"type":"Feature","geometry":null,"properties":{"id":"f","date_start":"2016-08-01","date_end":"2016-08-01","date_precision":"day","location_precision":"place","provenance_dataset":"manual","constructor":"x"}}`,
      `{"__proto__":{"polluted":true},"type":"Feature","geometry":null,"properties":${event}}`,
    ];
    const input = `{"__proto__":{"polluted":true},"type":"FeatureCollection","conflictEvents":{"__proto__":{"polluted":true}},"features":[${features.join(',')}]}`;
    const result = await read(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.rejected.map((record) => record.issues[0]?.pointer)).toEqual([
      '/features/0/properties/__proto__',
      '/features/1/properties/__proto__',
    ]);
    expect(result.events).toHaveLength(2);
    const unmapped = result.events[0]?.provenance.unmapped;
    expect(unmapped).toEqual({ constructor: 'x' });
    expect(Object.getPrototypeOf(unmapped)).toBe(Object.prototype);
    expect(result.issues.map((issue) => issue.pointer)).toContain('/conflictEvents/__proto__');
  });

  it('rejects features nested deeper than maxDepth instead of overflowing the stack', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const event = JSON.stringify(sampleEvent());
    const deepInside = `{"type":"Feature","geometry":null,"properties":${event.slice(0, -1)},"extensions":{"x":${deep}}}}`;
    const input = `{"type":"FeatureCollection","features":[${deep},${deepInside},${feature(sampleEvent())}]}`;
    const result = await read(input, {}, 4096);
    expect(result.events).toHaveLength(1);
    expect(result.rejected.map((record) => [record.raw, record.issues[0]?.code])).toEqual([
      ['null', 'nesting-too-deep'],
      ['null', 'nesting-too-deep'],
    ]);
    expect(result.rejected[1]?.position.pointer).toBe('/features/1');
  });

  it('rejects a single-Feature document with a too-deep member', async () => {
    const deep = `${'['.repeat(300)}${']'.repeat(300)}`;
    const result = await read(`{"type":"Feature","geometry":null,"properties":{"x":${deep}}}`);
    expect(result.records).toBe(1);
    expect(result.rejected[0]?.issues[0]?.code).toBe('nesting-too-deep');
  });
});
