// Write then read gives back every event, in every layout and option, across any chunking.
import type { DatasetMetadata } from '@conflict-events/io';
import { SCHEMA_VERSION } from '@conflict-events/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryEvent } from '../../schema/test/arbitraries.ts';
import { geojsonFormat, geojsonSeqFormat } from '../src/index.ts';
import { chunked, collect, fromArray, summarise, writtenText } from './helpers.ts';

const metadata: DatasetMetadata = {
  schemaVersion: SCHEMA_VERSION,
  title: 'all of them',
  generatedAt: '2024-05-01T12:00:00Z',
  sources: [{ name: 'synthetic', licence: 'CC0-1.0' }],
};

describe('round trips', () => {
  it('GeoJSON: any events, nested or flat, any precision and bbox, any chunking: lossless', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryEvent, { maxLength: 8 }),
        fc.record({
          flat: fc.boolean(),
          bbox: fc.boolean(),
          coordinatePrecision: fc.integer({ min: 0, max: 17 }),
        }),
        fc.integer({ min: 1, max: 200 }),
        async (events, options, size) => {
          const text = await writtenText(
            geojsonFormat.write(fromArray(events), { ...options, metadata }),
          );
          const result = summarise(
            await collect(geojsonFormat.read(chunked(text, size), { batchSize: 3 })),
          );
          expect(result.events).toEqual(events);
          expect(result.rejected).toEqual([]);
          expect(result.issues).toEqual([]);
          expect(result.batches.at(-1)?.metadata).toEqual(metadata);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('GeoJSONSeq: any events, RS or lines, nested or flat, any precision: lossless', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryEvent, { maxLength: 8 }),
        fc.record({
          flat: fc.boolean(),
          rs: fc.boolean(),
          bbox: fc.boolean(),
          coordinatePrecision: fc.integer({ min: 0, max: 17 }),
        }),
        fc.integer({ min: 1, max: 200 }),
        async (events, options, size) => {
          const text = await writtenText(geojsonSeqFormat.write(fromArray(events), options));
          const result = summarise(await collect(geojsonSeqFormat.read(chunked(text, size))));
          expect(result.events).toEqual(events);
          expect(result.rejected).toEqual([]);
          expect(result.issues).toEqual([]);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('a batch read from one format is written by the other unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryEvent, { minLength: 1, maxLength: 5 }), async (events) => {
        const sequence = await writtenText(geojsonSeqFormat.write(fromArray(events)));
        const batches = await collect(geojsonSeqFormat.read(chunked(sequence, 4096)));
        const collection = await writtenText(geojsonFormat.write(fromArray(batches)));
        const result = summarise(await collect(geojsonFormat.read(chunked(collection, 4096))));
        expect(result.events).toEqual(events);
      }),
      { numRuns: 30 },
    );
  });
});
