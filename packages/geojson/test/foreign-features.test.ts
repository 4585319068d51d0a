// Features written by other tools (hand-written in the layouts of GDAL's ogr2ogr, QGIS and
// jq; see data/README.md), read with exact expected outcomes.
import { readFileSync } from 'node:fs';
import type { ConflictEvent } from '@conflict-events/schema';
import { describe, expect, it } from 'vitest';
import { geojsonFormat, geojsonSeqFormat } from '../src/index.ts';
import { chunked, collect, summarise } from './helpers.ts';

function fixture(name: string): string {
  return readFileSync(new URL(`data/${name}`, import.meta.url), 'utf8');
}

async function readFixture(name: string) {
  const format = name.endsWith('.geojson') ? geojsonFormat : geojsonSeqFormat;
  return summarise(await collect(format.read(chunked(fixture(name), 64), { file: name })));
}

const requiredProperties = [
  'date_start',
  'date_end',
  'date_precision',
  'location_precision',
  'provenance_dataset',
];

describe('flat features from ogr2ogr (extra properties, crs, 3-D, LineString, no properties)', () => {
  it('maps canonical columns, keeps other properties in provenance.unmapped, and rejects the rest with positions', async () => {
    const result = await readFixture('ogr2ogr-flat.geojson');
    expect(result.records).toBe(5);
    expect(result.issues).toEqual([]);
    const expected: ConflictEvent[] = [
      {
        id: 'fixture:1',
        date: { start: '2016-08-01', end: '2016-08-01', precision: 'day' },
        location: {
          country: 'SYR',
          place: 'Ramussa',
          point: { lat: 36.1591, lon: 37.1428 },
          precision: 'near',
        },
        type: { category: 'explosions-remote-violence' },
        actors: [
          {
            name: 'Militants (unnamed)',
            side: 'a',
            role: 'primary',
            kind: 'rebel-group',
            unidentified: true,
          },
        ],
        fatalities: { known: true, best: 4, low: 4, high: 6 },
        sources: [],
        provenance: {
          dataset: 'manual',
          unmapped: { fid: 7, reviewed: true, reviewer: 'analyst 2', labels: '["a","b"]' },
        },
      },
      {
        id: 'fixture:2',
        date: { start: '2016-07-31', end: '2016-07-31', precision: 'day' },
        location: { country: 'SYR', precision: 'admin2', point: { lat: 36.1103, lon: 37.0512 } },
        type: { category: 'battles' },
        actors: [],
        fatalities: { known: false },
        sources: [],
        // The altitude of the 3-D position has no field in the model.
        provenance: { dataset: 'manual', unmapped: { fid: 8, geometry_altitude: 412.5 } },
      },
    ];
    expect(result.events).toEqual(expected);
    expect(result.positions.map((position) => position.pointer)).toEqual([
      '/features/0',
      '/features/1',
    ]);

    const [lineString, noProperties, foreign] = result.rejected;
    expect(lineString?.position.pointer).toBe('/features/2');
    expect(JSON.parse(lineString?.raw ?? '')).toMatchObject({
      id: 'fixture:3',
      geometry: { type: 'LineString' },
    });
    expect(lineString?.issues).toEqual([
      {
        code: 'geometry-type',
        severity: 'error',
        message:
          'a LineString geometry has no single point; only Point features (or features with no geometry) become events',
        pointer: '/features/2/geometry/type',
        value: 'LineString',
        file: 'ogr2ogr-flat.geojson',
        byteOffset: expect.any(Number),
      },
    ]);
    // The Feature id (a number) stands in for the id property.
    expect(noProperties?.issues.map((issue) => [issue.code, issue.pointer, issue.field])).toEqual(
      requiredProperties.map((name) => ['missing-field', `/features/3/properties/${name}`, name]),
    );
    expect(foreign?.issues.map((issue) => [issue.code, issue.pointer])).toEqual(
      ['id', ...requiredProperties].map((name) => [
        'missing-field',
        `/features/4/properties/${name}`,
      ]),
    );
    expect(foreign?.issues[0]?.message).toBe(
      'the property "id" is required (a canonical column every event has)',
    );
  });
});

describe('nested features re-exported by QGIS (fid added, id moved to the Feature, MultiPoint)', () => {
  it('reads the events, with the added properties in provenance.unmapped', async () => {
    const result = await readFixture('qgis-nested.geojson');
    expect(result.records).toBe(3);
    expect(result.issues).toEqual([]);
    expect(result.events).toEqual([
      {
        id: 'fixture:mi8',
        date: { start: '2016-08-01', end: '2016-08-01', precision: 'day' },
        location: {
          precision: 'area',
          description: 'along the administrative border between Idlib and Aleppo',
        },
        type: { category: 'battles', subType: 'armed-clash' },
        actors: [
          {
            name: 'Unidentified armed group',
            side: 'a',
            role: 'primary',
            kind: 'unidentified',
            unidentified: true,
          },
        ],
        fatalities: { known: true, best: 5 },
        sources: [{ name: 'AFP', kind: 'news-agency' }],
        provenance: { dataset: 'manual', unmapped: { fid: 1, note_qgis: '{"edited":true}' } },
      },
      {
        id: 'fixture:ramussa',
        date: { start: '2016-08-01', end: '2016-08-01', precision: 'day' },
        // The geometry is the exact point rounded to 6 decimals, so the exact point is kept.
        location: {
          country: 'SYR',
          place: 'Ramussa',
          point: { lat: 36.15912345, lon: 37.14287654 },
          precision: 'near',
        },
        type: { category: 'explosions-remote-violence' },
        actors: [],
        fatalities: { known: true, best: 4, low: 4, high: 6 },
        sources: [],
        provenance: { dataset: 'manual', unmapped: { fid: 2 } },
      },
    ]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]?.issues).toEqual([
      expect.objectContaining({
        code: 'geometry-type',
        pointer: '/features/2/geometry/type',
        value: 'MultiPoint',
      }),
    ]);
  });
});

describe('a projected FeatureCollection (crs EPSG:3857)', () => {
  it('rejects every feature with crs-unsupported, raw text kept', async () => {
    const result = await readFixture('projected.geojson');
    expect(result.records).toBe(2);
    expect(result.events).toEqual([]);
    expect(
      result.rejected.map((record) => [
        record.position.pointer,
        record.issues.map((issue) => issue.code),
      ]),
    ).toEqual([
      ['/features/0', ['crs-unsupported']],
      ['/features/1', ['crs-unsupported']],
    ]);
    expect(result.rejected.map((record) => JSON.parse(record.raw).id)).toEqual([
      'fixture:1',
      'fixture:2',
    ]);
  });
});

describe('a pretty-printed RS sequence from jq --seq, one record cut short', () => {
  it('reads the whole records and rejects the cut one with its line', async () => {
    const result = await readFixture('jq-seq.geojsons');
    expect(result.records).toBe(3);
    expect(result.events.map((event) => [event.id, event.location.point])).toEqual([
      ['fixture:1', { lat: 36.1591, lon: 37.1428 }],
      ['fixture:3', { lat: 36.1103, lon: 37.0512 }],
    ]);
    expect(result.positions.map((position) => position.line)).toEqual([1, 22]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]?.position.line).toBe(16);
    expect(result.rejected[0]?.issues).toEqual([
      expect.objectContaining({ code: 'invalid-json', line: 16, file: 'jq-seq.geojsons' }),
    ]);
  });
});
