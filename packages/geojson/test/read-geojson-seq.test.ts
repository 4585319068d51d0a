// Reading GeoJSONSeq: RS-separated and newline-delimited records, positions, bad records.
import { LimitError } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryEvent, sampleEvent } from '../../schema/test/arbitraries.ts';
import { geojsonSeqFormat } from '../src/index.ts';
import { chunked, collect, fromArray, summarise, writtenText } from './helpers.ts';

const RS = '\u001e';
const utf8Length = (text: string) => new TextEncoder().encode(text).length;

function feature(event: ConflictEvent): string {
  const point = event.location.point;
  return JSON.stringify({
    type: 'Feature',
    id: event.id,
    geometry: point ? { type: 'Point', coordinates: [point.lon, point.lat] } : null,
    properties: event,
  });
}

const first: ConflictEvent = { ...sampleEvent(), id: 'test:é' };
const second: ConflictEvent = { ...sampleEvent(), id: 'test:2' };

async function read(
  input: string | Uint8Array,
  options: Parameters<typeof geojsonSeqFormat.read>[1] = {},
  size = 7,
) {
  return summarise(await collect(geojsonSeqFormat.read(chunked(input, size), options)));
}

describe('geojsonSeqFormat.read', () => {
  it('reads RS-separated features with line numbers and byte offsets', async () => {
    const input = `${RS}${feature(first)}\n${RS}${feature(second)}\n`;
    const result = await read(input);
    expect(result.events).toEqual([first, second]);
    expect(result.positions).toEqual([
      { line: 1, byteOffset: 0, pointer: '' },
      { line: 2, byteOffset: utf8Length(`${RS}${feature(first)}\n`), pointer: '' },
    ]);
    expect(result.raws).toEqual([feature(first), feature(second)]);
    expect(result.issues).toEqual([]);
  });

  it('reads the newline-delimited variant, skipping blank lines, with CRLF', async () => {
    const input = `\n${feature(first)}\r\n  \r\n${feature(second)}`;
    const result = await read(input);
    expect(result.events).toEqual([first, second]);
    expect(result.positions.map((position) => position.line)).toEqual([2, 4]);
    expect(result.raws).toEqual([feature(first), feature(second)]);
  });

  it('reads pretty-printed RS records that span lines, raw text on one line', async () => {
    const pretty = JSON.stringify(JSON.parse(feature(first)), null, 2);
    const input = `${RS}${pretty}\n${RS}${feature(second)}\n`;
    const result = await read(input);
    expect(result.events).toEqual([first, second]);
    expect(result.positions.map((position) => position.line)).toEqual([
      1,
      pretty.split('\n').length + 1,
    ]);
    expect(result.raws[0]).toBe(feature(first));
  });

  it('splits records at an RS in the middle of a line, with its byte offset', async () => {
    const input = `${RS}${feature(first)}${RS}${feature(second)}\n`;
    const result = await read(input);
    expect(result.events).toEqual([first, second]);
    expect(result.positions[1]).toEqual({
      line: 1,
      byteOffset: utf8Length(`${RS}${feature(first)}`),
      pointer: '',
    });
  });

  it('rejects a truncated or broken record (RFC 8142 §2.4) and goes on', async () => {
    const cut = feature(first).slice(0, 40);
    const input = `${RS}${feature(first)}\n${RS}${cut}\n${RS}${feature(second)}\n${RS}\n`;
    const result = await read(input, { file: 'events.geojsons' });
    expect(result.records).toBe(3);
    expect(result.events).toEqual([first, second]);
    expect(result.rejected).toEqual([
      {
        raw: cut,
        position: { line: 2, byteOffset: utf8Length(`${RS}${feature(first)}\n`), pointer: '' },
        issues: [
          expect.objectContaining({
            code: 'invalid-json',
            severity: 'error',
            line: 2,
            file: 'events.geojsons',
          }),
        ],
      },
    ]);
  });

  it('rejects records that are not Features, and positions issues inside the feature', async () => {
    const flat = JSON.stringify({
      type: 'Feature',
      id: 'f:1',
      geometry: { type: 'Point', coordinates: [37, 36] },
      properties: {
        date_start: 'Monday',
        date_end: '2016-08-01',
        date_precision: 'day',
        location_precision: 'place',
        provenance_dataset: 'manual',
      },
    });
    const input = [
      '[1,2]',
      '{"type":"FeatureCollection","features":[]}',
      flat,
      '{"type":"Feature","geometry":{"type":"Polygon","coordinates":[]},"properties":null}',
    ].join('\n');
    const result = await read(input);
    expect(result.records).toBe(4);
    const found = result.rejected.map((record) =>
      record.issues.map((issue) => [issue.code, issue.pointer, issue.field]),
    );
    expect(found.slice(0, 3)).toEqual([
      [['type-error', '', undefined]],
      [['type-error', '/type', undefined]],
      [['type-error', '/properties/date_start', 'date_start']],
    ]);
    // A Polygon without properties: every problem is listed, the geometry first.
    expect(found[3]?.[0]).toEqual(['geometry-type', '/geometry/type', undefined]);
    expect(found[3]?.slice(1).map(([code, pointer]) => `${code} ${pointer}`)).toEqual(
      [
        'id',
        'date_start',
        'date_end',
        'date_precision',
        'location_precision',
        'provenance_dataset',
      ].map((name) => `missing-field /properties/${name}`),
    );
  });

  it('reads empty input as zero records', async () => {
    expect(await collect(geojsonSeqFormat.read(chunked('')))).toEqual([]);
    expect(await collect(geojsonSeqFormat.read(chunked(`\n${RS}\n \n`)))).toEqual([]);
  });

  it('stops with a LimitError on a record longer than maxRecordLength, on one line or many', async () => {
    const long = JSON.stringify({ ...sampleEvent(), notes: 'x'.repeat(3000) });
    for (const input of [
      `${feature(first)}\n${long}\n`,
      `${RS}{\n${'"a":1,\n'.repeat(600)}"b":2}\n`,
    ]) {
      const reading = collect(
        geojsonSeqFormat.read(chunked(input, 100), { limits: { maxRecordLength: 2000 } }),
      );
      await expect(reading).rejects.toBeInstanceOf(LimitError);
    }
  });

  it('rejects records nested deeper than maxDepth', async () => {
    const deep = `${'['.repeat(1000)}${']'.repeat(1000)}`;
    const result = await read(`${RS}${deep}\n${RS}${feature(first)}\n`, {}, 256);
    expect(result.events).toHaveLength(1);
    expect(result.rejected[0]?.issues[0]?.code).toBe('nesting-too-deep');
  });

  it('hands out batches of batchSize records', async () => {
    const input = Array.from({ length: 5 }, () => `${RS}${feature(first)}\n`).join('');
    const result = await read(input, { batchSize: 2 });
    expect(result.batches.map((batch) => batch.records)).toEqual([2, 2, 1]);
  });

  it('round-trips any events in both variants and both layouts, across any chunk boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryEvent, { maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        async (events, rs, flat, size) => {
          const text = await writtenText(geojsonSeqFormat.write(fromArray(events), { rs, flat }));
          const result = await read(text, { batchSize: 3 }, size);
          expect(result.events).toEqual(events);
          expect(result.rejected).toEqual([]);
          expect(result.issues).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
