// Writing GeoJSONSeq: RS framing, the newline-only variant, validity of every record.
import { SCHEMA_VERSION } from '@conflict-events/schema';
import { check } from '@placemarkio/check-geojson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryEvent, sampleEvent } from '../../schema/test/arbitraries.ts';
import { geojsonFormat, geojsonSeqFormat } from '../src/index.ts';
import { collect, fromArray, writtenText } from './helpers.ts';

const noPoint = {
  ...sampleEvent(),
  id: 'test:2',
  location: { country: 'SYR', precision: 'area' as const },
};

function write(
  events: Parameters<typeof geojsonSeqFormat.write>[0] extends AsyncIterable<infer T> ? T[] : never,
  options: Parameters<typeof geojsonSeqFormat.write>[1] = {},
) {
  return writtenText(geojsonSeqFormat.write(fromArray(events), options));
}

/** The features of a sequence, each checked by check-geojson on its own. */
function checkedRecords(text: string, separator: string): unknown[] {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((record) => {
      expect(record.startsWith(separator)).toBe(true);
      return check(record.slice(separator.length));
    });
}

describe('geojsonSeqFormat identity', () => {
  it('names its extensions, media types and capabilities', () => {
    expect(geojsonSeqFormat.id).toBe('geojsonseq');
    expect(geojsonSeqFormat.name).toBe('GeoJSONSeq');
    expect(geojsonSeqFormat.extensions).toEqual(['geojsonseq', 'geojsonl', 'geojsons']);
    expect(geojsonSeqFormat.mediaTypes).toEqual(['application/geo+json-seq']);
    expect(geojsonSeqFormat.capabilities).toEqual({ read: true, write: true, lossless: true });
    expect(geojsonSeqFormat.rejectsLayout).toBe('lines');
    expect(geojsonSeqFormat.defaultWriteOptions).toEqual({
      flat: false,
      coordinatePrecision: 6,
      bbox: false,
      rs: true,
    });
  });

  it('shares no extension with the GeoJSON format', () => {
    for (const extension of geojsonSeqFormat.extensions) {
      expect(geojsonFormat.extensions).not.toContain(extension);
    }
  });
});

describe('geojsonSeqFormat.write', () => {
  it('writes each feature after a record separator and before a line feed (RFC 8142)', async () => {
    const event = sampleEvent();
    const text = await write([event, noPoint]);
    expect(text).toBe(
      `\u001e{"type":"Feature","id":"test:1","geometry":{"type":"Point","coordinates":[37.1343,36.2021]},"properties":${JSON.stringify(event)}}\n` +
        `\u001e{"type":"Feature","id":"test:2","geometry":null,"properties":${JSON.stringify(noPoint)}}\n`,
    );
  });

  it('writes one feature a line without separators when rs is false', async () => {
    const text = await write([sampleEvent(), noPoint], { rs: false });
    expect(text).not.toContain('\u001e');
    expect(text.split('\n')).toHaveLength(3);
    expect(checkedRecords(text, '')).toHaveLength(2);
  });

  it('writes nothing for no events, and no metadata (a sequence has no place for it)', async () => {
    expect(await collect(geojsonSeqFormat.write(fromArray([])))).toEqual([]);
    const metadata = {
      schemaVersion: SCHEMA_VERSION,
      title: 't',
      generatedAt: '2024-05-01T12:00:00Z',
    };
    const text = await write([sampleEvent()], { metadata });
    expect(text).not.toContain('conflictEvents');
    expect(text).toBe(await write([sampleEvent()]));
  });

  it('writes records that check-geojson accepts, in every layout', async () => {
    const layouts = [
      {},
      { flat: true },
      { bbox: true },
      { rs: false, flat: true, bbox: true, coordinatePrecision: 3 },
    ];
    for (const options of layouts) {
      const text = await write([sampleEvent(), noPoint], options);
      const separator = options.rs === false ? '' : '\u001e';
      const features = checkedRecords(text, separator) as { type: string; bbox?: number[] }[];
      expect(features.map((feature) => feature.type)).toEqual(['Feature', 'Feature']);
      if (options.bbox) expect(features[0]?.bbox).toHaveLength(4);
    }
  });

  it('writes any generated events as features check-geojson accepts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryEvent, { maxLength: 5 }),
        fc.boolean(),
        async (events, flat) => {
          const text = await write(events, { flat });
          if (events.length > 0) expect(checkedRecords(text, '\u001e')).toHaveLength(events.length);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('streams: many events come out as many chunks', async () => {
    async function* events() {
      for (let index = 0; index < 20_000; index++) yield { ...sampleEvent(), id: `test:${index}` };
    }
    const chunks = await collect(geojsonSeqFormat.write(events(), { flat: true }));
    expect(chunks.length).toBeGreaterThan(50);
  });

  it('refuses a bad coordinatePrecision', async () => {
    await expect(write([sampleEvent()], { coordinatePrecision: 40 })).rejects.toThrow(
      /coordinatePrecision must be an integer from 0 to 17/,
    );
  });
});
