// GDAL, the library under QGIS and most GIS tools, reads what this package writes, and this
// package reads what GDAL writes back. Skipped only where GDAL's ogrinfo is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyFormat, DatasetMetadata } from '@conflict-events/io';
import { csvColumns } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { geojsonFormat, geojsonSeqFormat } from '../src/index.ts';
import { chunked, collect, fromArray, summarise, writtenText } from './helpers.ts';

const gdalInstalled = spawnSync('ogrinfo', ['--version']).status === 0;
const seed = JSON.parse(
  readFileSync(
    new URL('../../../examples/seed-afp-2016-08-01.dataset.json', import.meta.url),
    'utf8',
  ),
) as DatasetMetadata & { events: ConflictEvent[] };
const { events: seedEvents, ...metadata } = seed;
const precise: ConflictEvent = {
  ...(seedEvents[0] as ConflictEvent),
  id: 'test:precise',
  location: { country: 'SYR', precision: 'place', point: { lat: 36.123456789, lon: 37.987654321 } },
};
const events = [...seedEvents, precise];
const pointless = events.filter((event) => !event.location.point).length;

const directory = gdalInstalled ? mkdtempSync(join(tmpdir(), 'geojson-gdal-')) : '';
afterAll(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
});

async function writeFile(format: AnyFormat, name: string, options: object): Promise<string> {
  if (!format.write) throw new Error(`${format.id} cannot write`);
  const path = join(directory, name);
  writeFileSync(path, await writtenText(format.write(fromArray(events), options)));
  return path;
}

interface Summary {
  driver: string | undefined;
  featureCount: number;
  fields: string[];
}

/** `ogrinfo -ro -al -so`: the driver, the feature count and the field names GDAL sees. */
function ogrinfo(path: string): Summary {
  const text = execFileSync('ogrinfo', ['-ro', '-al', '-so', path], { encoding: 'utf8' });
  const count = /^Feature Count: (\d+)$/m.exec(text)?.[1];
  const fields = [
    ...text.matchAll(/^(\w+): (?:String|Integer|Integer64|Real|Date|DateTime|StringList)\b/gm),
  ];
  return {
    driver: /using driver `(\w+)'/.exec(text)?.[1],
    featureCount: Number(count),
    fields: fields.map((match) => match[1] as string),
  };
}

function ogr2ogr(driver: string, to: string, from: string): string {
  const path = join(directory, to);
  execFileSync('ogr2ogr', ['-f', driver, path, from], { stdio: 'pipe' });
  return path;
}

async function readBack(format: AnyFormat, path: string) {
  if (!format.read) throw new Error(`${format.id} cannot read`);
  return summarise(await collect(format.read(chunked(readFileSync(path), 4096))));
}

const canonicalColumns = csvColumns.map((column) => column.name);
const why = gdalInstalled
  ? ''
  : ' (skipped: ogrinfo is not on PATH; install GDAL, e.g. apt-get install gdal-bin)';

describe.skipIf(!gdalInstalled)(`GDAL reads what is written${why}`, () => {
  it('reads a nested FeatureCollection: every feature, one field a top-level member of the event', async () => {
    const summary = ogrinfo(
      await writeFile(geojsonFormat, 'nested.geojson', { metadata, bbox: true }),
    );
    expect(summary.driver).toBe('GeoJSON');
    expect(summary.featureCount).toBe(events.length);
    expect(summary.fields).toEqual(
      expect.arrayContaining([
        'id',
        'date',
        'location',
        'type',
        'actors',
        'fatalities',
        'sources',
        'provenance',
      ]),
    );
  });

  it('reads a flat FeatureCollection with the canonical columns as its fields, in order', async () => {
    const summary = ogrinfo(await writeFile(geojsonFormat, 'flat.geojson', { flat: true }));
    expect(summary.driver).toBe('GeoJSON');
    expect(summary.featureCount).toBe(events.length);
    expect(summary.fields).toEqual(canonicalColumns);
  });

  it('reads both GeoJSONSeq variants, nested and flat', async () => {
    const cases = [
      ['separated.geojsons', {}],
      ['lines.geojsonl', { rs: false }],
      ['flat-separated.geojsons', { flat: true }],
      ['flat-lines.geojsonl', { flat: true, rs: false }],
    ] as const;
    for (const [name, options] of cases) {
      const summary = ogrinfo(await writeFile(geojsonSeqFormat, name, options));
      expect(summary.driver, name).toBe('GeoJSONSeq');
      expect(summary.featureCount, name).toBe(events.length);
      if ('flat' in options) expect(summary.fields, name).toEqual(canonicalColumns);
    }
  });
});

describe.skipIf(!gdalInstalled)(`what GDAL writes back is read as the same events${why}`, () => {
  it('ogr2ogr GeoJSON → GeoJSON, nested: the same events and metadata', async () => {
    const from = await writeFile(geojsonFormat, 'source-nested.geojson', { metadata });
    const result = await readBack(geojsonFormat, ogr2ogr('GeoJSON', 'gdal-nested.geojson', from));
    expect(result.events).toEqual(events);
    expect(result.rejected).toEqual([]);
    expect(result.issues).toEqual([]);
    expect(result.batches.at(-1)?.metadata).toEqual(metadata);
  });

  it('ogr2ogr GeoJSON → GeoJSON, flat: the same events', async () => {
    const from = await writeFile(geojsonFormat, 'source-flat.geojson', { flat: true });
    const result = await readBack(geojsonFormat, ogr2ogr('GeoJSON', 'gdal-flat.geojson', from));
    expect(result.events).toEqual(events);
    expect(result.issues).toEqual([]);
  });

  it('flat GeoJSON → GeoPackage → GeoJSON (the README’s route into QGIS): the same events', async () => {
    const from = await writeFile(geojsonFormat, 'to-gpkg.geojson', { flat: true });
    const gpkg = ogr2ogr('GPKG', 'events.gpkg', from);
    expect(ogrinfo(gpkg)).toMatchObject({ driver: 'GPKG', featureCount: events.length });
    const result = await readBack(geojsonFormat, ogr2ogr('GeoJSON', 'from-gpkg.geojson', gpkg));
    expect(result.events).toEqual(events);
    expect(result.issues).toEqual([]);
  });

  it('ogr2ogr GeoJSONSeq → GeoJSONSeq with RS: the same events', async () => {
    const from = await writeFile(geojsonSeqFormat, 'source.geojsonl', { flat: true, rs: false });
    const path = ogr2ogr('GeoJSONSeq', 'gdal.geojsons', from);
    expect(readFileSync(path, 'utf8').startsWith('\u001e')).toBe(true);
    const result = await readBack(geojsonSeqFormat, path);
    expect(result.events).toEqual(events);
    expect(result.issues).toEqual([]);
  });

  it('writes null geometries for the events without a point, which GDAL keeps', async () => {
    const path = await writeFile(geojsonFormat, 'points.geojson', {});
    const text = execFileSync(
      'ogrinfo',
      ['-ro', '-al', '-q', '-where', 'OGR_GEOMETRY IS NULL', path],
      {
        encoding: 'utf8',
      },
    );
    expect(text.match(/^OGRFeature/gm)).toHaveLength(pointless);
    expect(pointless).toBeGreaterThan(0);
  });
});
