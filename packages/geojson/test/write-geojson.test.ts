// Writing GeoJSON: the FeatureCollection layout, precision, flat properties, bbox, metadata,
// validity (check-geojson) and streaming.

import type { DatasetMetadata } from '@conflict-events/io';
import { csvColumns } from '@conflict-events/io';
import { type ConflictEvent, SCHEMA_VERSION } from '@conflict-events/schema';
import { check } from '@placemarkio/check-geojson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryEvent, sampleEvent } from '../../schema/test/arbitraries.ts';
import { roundCoordinate } from '../src/event-to-feature.ts';
import { geojsonFormat } from '../src/index.ts';
import { collect, fromArray, writtenText } from './helpers.ts';

const metadata: DatasetMetadata = {
  schemaVersion: SCHEMA_VERSION,
  title: 'Aleppo, 1 August 2016',
  generatedAt: '2024-05-01T12:00:00Z',
  licence: 'CC-BY-4.0',
};

function write(
  events: readonly ConflictEvent[],
  options: Parameters<typeof geojsonFormat.write>[1] = {},
) {
  return writtenText(geojsonFormat.write(fromArray(events), options));
}

const noPoint: ConflictEvent = {
  ...sampleEvent(),
  id: 'test:no-point',
  location: { country: 'SYR', precision: 'area', description: 'along the Idlib–Aleppo border' },
};
const fine: ConflictEvent = {
  ...sampleEvent(),
  id: 'test:fine',
  location: { precision: 'place', point: { lat: 36.123456789, lon: -0.0000004 } },
};

describe('geojsonFormat identity', () => {
  it('names its extensions, media types and capabilities', () => {
    expect(geojsonFormat.id).toBe('geojson');
    expect(geojsonFormat.name).toBe('GeoJSON');
    expect(geojsonFormat.extensions).toEqual(['geojson']);
    expect(geojsonFormat.mediaTypes).toEqual(['application/geo+json']);
    expect(geojsonFormat.capabilities).toEqual({ read: true, write: true, lossless: true });
    expect(geojsonFormat.rejectsLayout).toBe('json-array');
    expect(geojsonFormat.defaultWriteOptions).toEqual({
      flat: false,
      coordinatePrecision: 6,
      bbox: false,
    });
  });
});

describe('geojsonFormat.write', () => {
  it('writes a FeatureCollection: one feature a line, the event as its properties', async () => {
    const event = sampleEvent();
    const text = await write([event, noPoint]);
    expect(text).toBe(
      [
        '{"type":"FeatureCollection","features":[',
        `{"type":"Feature","id":"test:1","geometry":{"type":"Point","coordinates":[37.1343,36.2021]},"properties":${JSON.stringify(event)}},`,
        `{"type":"Feature","id":"test:no-point","geometry":null,"properties":${JSON.stringify(noPoint)}}`,
        ']}',
        '',
      ].join('\n'),
    );
  });

  it('writes a valid empty FeatureCollection for no events', async () => {
    const text = await write([]);
    expect(text).toBe('{"type":"FeatureCollection","features":[]}\n');
    expect(check(text)).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('rounds geometry to coordinatePrecision and keeps the exact point in the properties', async () => {
    const parsed = JSON.parse(await write([fine]));
    const [feature] = parsed.features;
    expect(feature.geometry).toEqual({ type: 'Point', coordinates: [0, 36.123457] });
    expect(Object.is(feature.geometry.coordinates[0], -0)).toBe(false);
    expect(feature.properties.location.point).toEqual({ lat: 36.123456789, lon: -0.0000004 });
    const coarse = JSON.parse(await write([fine], { coordinatePrecision: 2 }));
    expect(coarse.features[0].geometry.coordinates).toEqual([0, 36.12]);
    const whole = JSON.parse(await write([fine], { coordinatePrecision: 0 }));
    expect(whole.features[0].geometry.coordinates).toEqual([0, 36]);
  });

  it('rounds by the decimal value, never beyond half a unit of the last decimal kept', () => {
    expect(roundCoordinate(0.15, 1)).toBe(0.1);
    expect(roundCoordinate(37.1343, 6)).toBe(37.1343);
    expect(roundCoordinate(-179.9999996, 6)).toBe(-180);
    fc.assert(
      fc.property(
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.integer({ min: 0, max: 17 }),
        (value, precision) => {
          const rounded = roundCoordinate(value, precision);
          expect(Math.abs(rounded - value)).toBeLessThanOrEqual(
            0.5 * 10 ** -precision + Number.EPSILON * Math.abs(value),
          );
          expect(Number(rounded.toFixed(precision))).toBe(rounded);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a coordinatePrecision outside 0–17 before writing anything', async () => {
    for (const coordinatePrecision of [-1, 18, 2.5, Number.NaN]) {
      await expect(write([sampleEvent()], { coordinatePrecision })).rejects.toThrow(RangeError);
    }
  });

  it('writes flat properties: every canonical column, typed, absent ones null', async () => {
    const event = sampleEvent();
    const parsed = JSON.parse(await write([event, noPoint], { flat: true }));
    const [first, second] = parsed.features;
    expect(Object.keys(first.properties)).toEqual(csvColumns.map((column) => column.name));
    expect(Object.keys(second.properties)).toEqual(csvColumns.map((column) => column.name));
    expect(first.id).toBe('test:1');
    expect(first.properties).toMatchObject({
      id: 'test:1',
      date_start: '2016-08-01',
      date_precision: 'day',
      latitude: 36.2021,
      longitude: 37.1343,
      disorder: '["political-violence"]',
      fatalities_best: 4,
      fatalities_low: 4,
      fatalities_high: 6,
      actors: JSON.stringify(event.actors),
      civilian_targeting: null,
      notes: null,
      provenance_dataset: 'manual',
    });
    expect(second.geometry).toBeNull();
    expect(second.properties.latitude).toBeNull();
  });

  it('writes no formula neutralisation: text is kept as is', async () => {
    const event = { ...sampleEvent(), notes: '=HYPERLINK("x")' };
    const parsed = JSON.parse(await write([event], { flat: true }));
    expect(parsed.features[0].properties.notes).toBe('=HYPERLINK("x")');
  });

  it('writes a bbox on each feature with a point, and the collection’s bbox after the features', async () => {
    const events = [sampleEvent(), noPoint, fine];
    const parsed = JSON.parse(await write(events, { bbox: true }));
    expect(parsed.features.map((feature: { bbox?: number[] }) => feature.bbox)).toEqual([
      [37.1343, 36.2021, 37.1343, 36.2021],
      undefined,
      [0, 36.123457, 0, 36.123457],
    ]);
    expect(parsed.bbox).toEqual([0, 36.123457, 37.1343, 36.2021]);
    expect(JSON.parse(await write([noPoint], { bbox: true })).bbox).toBeUndefined();
  });

  it('writes the dataset metadata as the conflictEvents member, in this model’s version', async () => {
    const old = { ...metadata, schemaVersion: '1.0.0-old', events: [sampleEvent()] };
    const parsed = JSON.parse(
      await write([sampleEvent()], { metadata: old as unknown as DatasetMetadata }),
    );
    expect(parsed.conflictEvents).toEqual({ ...metadata, schemaVersion: SCHEMA_VERSION });
    expect(Object.keys(parsed)).toEqual(['type', 'conflictEvents', 'features']);
    expect(parsed.crs).toBeUndefined();
  });

  it('writes metadata carried by the input’s batches after the features', async () => {
    async function* batches() {
      yield {
        events: [sampleEvent()],
        positions: [{}],
        raws: [''],
        rejected: [],
        issues: [],
        records: 1,
        metadata,
      };
    }
    const text = await writtenText(geojsonFormat.write(batches(), { bbox: true }));
    const parsed = check(text) as unknown as Record<string, unknown>;
    expect(parsed.conflictEvents).toEqual(metadata);
    expect(Object.keys(parsed)).toEqual(['type', 'features', 'bbox', 'conflictEvents']);
    // Given as an option, the metadata comes first and the carried one is not written again.
    const given = JSON.parse(
      await writtenText(
        geojsonFormat.write(batches(), { metadata: { ...metadata, title: 'given' } }),
      ),
    );
    expect(Object.keys(given)).toEqual(['type', 'conflictEvents', 'features']);
    expect(given.conflictEvents.title).toBe('given');
  });

  it('writes files that @placemarkio/check-geojson accepts, in every layout', async () => {
    const events = [sampleEvent(), noPoint, fine];
    const layouts = [
      {},
      { flat: true },
      { bbox: true },
      { flat: true, bbox: true, metadata },
      { metadata, coordinatePrecision: 0 },
    ];
    for (const options of layouts) {
      const text = await write(events, options);
      const parsed = check(text) as { type: string; features: unknown[] };
      expect(parsed.type).toBe('FeatureCollection');
      expect(parsed.features).toHaveLength(3);
    }
  });

  it('writes any generated events as GeoJSON that check-geojson accepts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryEvent, { maxLength: 5 }),
        fc.boolean(),
        fc.boolean(),
        async (events, flat, bbox) => {
          const text = await write(events, { flat, bbox });
          expect(() => check(text)).not.toThrow();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('streams: many events come out as many chunks, the first before the input ends', async () => {
    let given = 0;
    async function* events(): AsyncIterable<ConflictEvent> {
      for (; given < 20_000; given++) yield { ...sampleEvent(), id: `test:${given}` };
    }
    const chunks: Uint8Array[] = [];
    let givenAtFirstChunk = -1;
    for await (const chunk of geojsonFormat.write(events())) {
      if (chunks.length === 0) givenAtFirstChunk = given;
      chunks.push(chunk);
    }
    expect(chunks.length).toBeGreaterThan(50);
    expect(givenAtFirstChunk).toBeLessThan(2_000);
    const largest = Math.max(...chunks.map((chunk) => chunk.byteLength));
    expect(largest).toBeLessThanOrEqual(1 << 16);
  });

  it('does not change the options or the events it is given', async () => {
    const options = Object.freeze({
      flat: true,
      bbox: true,
      metadata: Object.freeze({ ...metadata }),
    });
    const event = Object.freeze(sampleEvent());
    await collect(geojsonFormat.write(fromArray([event]), options));
    expect(options.metadata).toEqual(metadata);
    expect(event).toEqual(sampleEvent());
  });
});
