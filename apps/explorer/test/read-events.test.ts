import { gzipSync } from 'node:zlib';
import { csvFormat } from '@conflict-events/csv';
import { geojsonFormat } from '@conflict-events/geojson';
import { describe, expect, it } from 'vitest';
import { exportEvents } from '../src/worker/export-events.ts';
import { readEvents } from '../src/worker/read-events.ts';
import {
  fixtureCsv,
  fixtureCsvWithReject,
  fixtureEvents,
  fixtureGeoParquet,
  writeWith,
} from './fixtures/events.ts';

const seedUrl = new URL('../../../examples/seed-afp-2016-08-01.dataset.json', import.meta.url);

async function readText(blob: Blob): Promise<string> {
  return new TextDecoder().decode(await blob.arrayBuffer());
}

describe('reading a file into the explorer (the worker, run in Node)', () => {
  it('reads an empty file as no events and one warning, not a failure', async () => {
    const result = await readEvents(
      { bytes: new Blob([]), fileName: 'events.csv' },
      () => undefined,
    );
    expect(result.summary).toMatchObject({ records: 0, events: 0, rejected: 0, warnings: 1 });
    expect(result.summary.formatName).toBe('empty input');
    expect(result.issues.map((row) => row.issue.code)).toEqual(['empty-input']);
  });

  it('reads canonical CSV through convert, with its accounting and issues', async () => {
    const text = await fixtureCsvWithReject();
    const progress: number[] = [];
    const result = await readEvents({ bytes: new Blob([text]), fileName: 'events.csv' }, (bytes) =>
      progress.push(bytes),
    );
    const { summary } = result;
    expect(summary.formatId).toBe('csv');
    expect(summary.records).toBe(7);
    expect(summary.events).toBe(6);
    expect(summary.rejected).toBe(1);
    expect(summary.records).toBe(summary.events + summary.rejected);
    expect(summary.bytesRead).toBe(new TextEncoder().encode(text).byteLength);
    expect(progress.at(-1)).toBe(summary.bytesRead);
    expect(result.table.ids).toEqual(fixtureEvents().map((event) => event.id));
    expect(result.events.map((event) => event.id)).toEqual(result.table.ids);

    const warning = result.issues.find((row) => row.issue.code === 'fatalities-order');
    expect(warning?.issue.severity).toBe('warning');
    expect(warning?.eventIndex).toBe(result.table.ids.indexOf('fx:bounds-disagree'));
    const rejected = result.issues.filter((row) => row.issue.severity === 'error');
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((row) => row.eventIndex === undefined)).toBe(true);
    expect(rejected.some((row) => row.issue.row === 8)).toBe(true);
  });

  it('reads a gzip-compressed file the same way', async () => {
    const text = await fixtureCsv();
    const result = await readEvents(
      { bytes: new Blob([gzipSync(text)]), fileName: 'events.csv.gz' },
      () => {},
    );
    expect(result.summary.compression).toBe('gzip');
    expect(result.summary.events).toBe(6);
  });

  it('reads the bundled seed dataset with its metadata', async () => {
    const { readFile } = await import('node:fs/promises');
    const result = await readEvents(
      { bytes: await readFile(seedUrl), fileName: 'seed-afp-2016-08-01.dataset.json' },
      () => {},
    );
    expect(result.summary.formatId).toBe('json');
    expect(result.summary.events).toBe(9);
    expect(result.summary.rejected).toBe(0);
    expect(result.metadata?.title).toMatch(/AFP/);
    expect(result.table.ids).toContain('seed:2016-08-01-mi8-downing');
  });

  it('reads GeoJSON and GeoParquet written by their own writers', async () => {
    const ids = fixtureEvents().map((event) => event.id);
    const geojson = await readEvents(
      { bytes: await writeWith(geojsonFormat), fileName: 'events.geojson' },
      () => {},
    );
    expect(geojson.summary.formatId).toBe('geojson');
    expect(geojson.table.ids).toEqual(ids);
    const parquet = await readEvents(
      { bytes: await fixtureGeoParquet(), fileName: 'events.parquet' },
      () => {},
    );
    expect(parquet.summary.formatId).toBe('geoparquet');
    expect(parquet.table.ids).toEqual(ids);
    expect(parquet.events).toEqual(fixtureEvents());
  });

  it('fails with a message when the format cannot be told', async () => {
    await expect(
      readEvents({ bytes: new Blob(['just some words\n']), fileName: 'notes.md' }, () => {}),
    ).rejects.toThrow(/not recognised|ambiguous/);
  });

  it('exports a selection as GeoJSON that reads back', async () => {
    const result = await readEvents(
      { bytes: new Blob([await fixtureCsv()]), fileName: 'events.csv' },
      () => {},
    );
    const blob = await exportEvents(result.events, Uint32Array.of(1, 4), 'geojson', undefined);
    expect(blob.type).toBe('application/geo+json');
    const collection = JSON.parse(await readText(blob));
    expect(collection.type).toBe('FeatureCollection');
    // The event without a point is a feature with a null geometry, not dropped.
    expect(
      collection.features.map((feature: { geometry: unknown }) => feature.geometry === null),
    ).toEqual([false, true]);
    const back = await readEvents({ bytes: blob, fileName: 'export.geojson' }, () => {});
    expect(back.table.ids).toEqual(['fx:kharkiv-shelling', 'fx:no-point']);
  });

  it('exports a selection with the format writer, and it reads back', async () => {
    const result = await readEvents(
      { bytes: new Blob([await fixtureCsv()]), fileName: 'events.csv' },
      () => {},
    );
    const blob = await exportEvents(result.events, Uint32Array.of(0, 3), 'csv', undefined);
    expect(blob.type).toBe('text/csv');
    const ids: string[] = [];
    async function* bytes(): AsyncIterable<Uint8Array> {
      yield new TextEncoder().encode(await readText(blob));
    }
    for await (const batch of csvFormat.read(bytes())) {
      expect(batch.rejected).toEqual([]);
      ids.push(...batch.events.map((event) => event.id));
    }
    expect(ids).toEqual(['fx:aleppo-clash', 'fx:culiacan-protest']);
  });
});
