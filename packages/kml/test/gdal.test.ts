// GDAL reads what the writer wrote: the seed dataset, a generated set and hostile text. Each
// Folder is a layer named after its category; the LIBKML driver counts every Placemark, the
// older KML driver only those with a point. Needs GDAL's ogrinfo and ogr2ogr (Debian:
// gdal-bin); skipped without them outside CI, failing in CI.
import { readFileSync } from 'node:fs';
import type { ConflictEvent } from '@conflict-events/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryEvent } from '../../schema/test/arbitraries.ts';
import { folderEntries, folderOf } from '../src/category-folders.ts';
import { replaceIllegalXmlCharacters } from '../src/xml-text.ts';
import { hasGdal, ogrFeatures, ogrSummary, withKmlFile } from './gdal.ts';
import { writeKmlText } from './helpers.ts';
import { hostileEvent } from './hostile-text.ts';

const seed = JSON.parse(
  readFileSync(
    new URL('../../../examples/seed-afp-2016-08-01.dataset.json', import.meta.url),
    'utf8',
  ),
) as { events: ConflictEvent[] };

/** The layer names GDAL should find: the categories present, in the taxonomy's order. */
function expectedLayers(events: readonly ConflictEvent[]): string[] {
  const present = new Set(events.map((event) => folderOf(event.type.category).key));
  return folderEntries.filter((entry) => present.has(entry.key)).map((entry) => entry.label);
}

function featureTotal(layers: readonly { features: number }[]): number {
  return layers.reduce((sum, layer) => sum + layer.features, 0);
}

/** Checks the layers and counts of both drivers; returns the layer names. */
function checkReadBack(events: readonly ConflictEvent[], text: string): string[] {
  return withKmlFile(text, (path) => {
    const libkml = ogrSummary(path, 'LIBKML');
    expect(libkml.driver).toBe('LIBKML');
    expect(libkml.layers.map((layer) => layer.name)).toEqual(expectedLayers(events));
    expect(featureTotal(libkml.layers)).toBe(events.length);
    const kml = ogrSummary(path, 'KML');
    expect(kml.driver).toBe('KML');
    const withPoint = events.filter((event) => event.location.point !== undefined);
    expect(featureTotal(kml.layers)).toBe(withPoint.length);
    return libkml.layers.map((layer) => layer.name);
  });
}

// Each GDAL run takes some 0.3 s; a loaded machine may take several times that.
const gdalTimeout = 60_000;

describe.skipIf(!hasGdal && !process.env.CI)('GDAL read-back', () => {
  it(
    'reads the seed dataset: a layer per category, every event, the point-less one unplaced',
    async () => {
      const text = await writeKmlText(seed.events);
      const layers = checkReadBack(seed.events, text);
      withKmlFile(text, (path) => {
        const features = ogrFeatures(path, 'LIBKML', layers);
        expect(features.map((feature) => feature.properties.id).sort()).toEqual(
          seed.events.map((event) => event.id).sort(),
        );
        const mi8 = features.find(
          (feature) => feature.properties.id === 'seed:2016-08-01-mi8-downing',
        );
        expect(mi8?.geometry).toBeNull();
        expect(mi8?.properties.fatalities_best).toBe('5');
        expect(mi8?.properties.begin).toBe('2016-08-01T00:00:00');
        const ramussa = features.find(
          (feature) => feature.properties.id === 'seed:2016-08-01-ramussa-rocket-sniper-fire',
        );
        expect(ramussa?.properties).toMatchObject({
          fatalities_best: '4',
          fatalities_low: '4',
          fatalities_high: '6',
        });
        expect(ramussa?.geometry?.type).toBe('Point');
      });
    },
    gdalTimeout,
  );

  it(
    'reads a generated set of 300 events in every category',
    async () => {
      const events = fc
        .sample(arbitraryEvent, { numRuns: 300, seed: 20160801 })
        .map((event, index) => ({ ...event, id: `${index}:${event.id}` }));
      checkReadBack(events, await writeKmlText(events));
    },
    gdalTimeout,
  );

  it(
    'reads documents full of hostile text, with the ids as written',
    async () => {
      const cases = fc.sample(fc.array(hostileEvent, { minLength: 1, maxLength: 6 }), {
        numRuns: 3,
        seed: 7,
      });
      for (const generated of cases) {
        const events = generated.map((event, index) => ({ ...event, id: `${index}:${event.id}` }));
        checkReadBack(events, await writeKmlText(events));
        // Without Folders the document is one layer, read back in one run of ogr2ogr.
        const flat = await writeKmlText(events, { folders: 'none', name: 'hostile' });
        withKmlFile(flat, (path) => {
          const features = ogrFeatures(path, 'LIBKML');
          // XML parsers (libkml's expat among them) turn CR into LF; compare without it.
          const normalise = (value: string) => value.replace(/\r\n?/g, '\n');
          expect(
            features.map((feature) => normalise(String(feature.properties.id))).sort(),
          ).toEqual(events.map((event) => normalise(replaceIllegalXmlCharacters(event.id))).sort());
          for (const feature of features) {
            expect(String(feature.properties.description)).not.toMatch(/<(img|script)/i);
          }
        });
      }
    },
    gdalTimeout,
  );
});
