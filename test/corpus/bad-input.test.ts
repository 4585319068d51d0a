// The bad-input corpus: files that are broken, huge, mis-encoded or hostile, each with its
// exact outcome through `convert` — a positioned issue or a documented recovery, never an
// uncaught exception, and every record accounted for (records = events + rejected).
// Inputs are built here from the project's own sample event (see README.md beside this file).
import { acledFormat } from '@conflict-events/acled';
import { csvFormat } from '@conflict-events/csv';
import { geojsonFormat, geojsonSeqFormat } from '@conflict-events/geojson';
import {
  type ByteSource,
  convert,
  createRegistry,
  InputError,
  LimitError,
} from '@conflict-events/io';
import { jsonDatasetFormat, ndjsonFormat } from '@conflict-events/json';
import type { ConflictEvent, ValidationIssue } from '@conflict-events/schema';
import { gzipSync, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { sampleEvent } from '../../packages/schema/test/arbitraries.ts';
import { writeAll } from '../conformance/format-conformance.ts';

const registry = createRegistry([
  csvFormat,
  acledFormat,
  ndjsonFormat,
  jsonDatasetFormat,
  geojsonFormat,
  geojsonSeqFormat,
]);
const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface Outcome {
  records: number;
  events: ConflictEvent[];
  rejected: number;
  issues: Pick<
    ValidationIssue,
    'code' | 'severity' | 'row' | 'line' | 'pointer' | 'field' | 'byteOffset'
  >[];
}

/** Converts to NDJSON and gives back the events written, the counts and the issues' positions. */
async function outcome(
  input: ByteSource,
  fileName: string,
  options: { readOptions?: object; limits?: object; zipEntry?: string } = {},
): Promise<Outcome> {
  const written: Uint8Array[] = [];
  const stats = await convert({
    input,
    fileName,
    to: 'ndjson',
    registry,
    output: { write: (chunk) => void written.push(chunk) },
    maxIssues: 100,
    ...options,
  });
  expect(stats.records).toBe(stats.events + stats.rejected);
  const text = written.map((chunk) => decoder.decode(chunk)).join('');
  const events = text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ConflictEvent);
  expect(events).toHaveLength(stats.events);
  return {
    records: stats.records,
    events,
    rejected: stats.rejected,
    issues: stats.issues.map(({ code, severity, row, line, pointer, field, byteOffset }) =>
      Object.fromEntries(
        Object.entries({ code, severity, row, line, pointer, field, byteOffset }).filter(
          ([, value]) => value !== undefined,
        ),
      ),
    ) as Outcome['issues'],
  };
}

const codes = (result: Outcome) => result.issues.map((issue) => issue.code);

// The sample event as canonical CSV, with marker values to put raw cells in place of.
const marked: ConflictEvent = {
  ...sampleEvent(),
  location: { ...sampleEvent().location, point: { lat: 36.777777, lon: 37.888888 } },
  fatalities: { known: true, best: 424242 },
  // Without the sources' own tolls, which a marker toll would contradict.
  sources: sampleEvent().sources.map(({ claim: _claim, ...source }) => source),
  notes: 'NOTES-MARKER',
};
const csvText = decoder.decode(await writeAll(csvFormat, [marked]));
const [header = '', row = ''] = csvText.split('\n');

/** The sample row with cells replaced: `{ '424242': '"1,5"' }` puts raw text in the CSV. */
function csvRow(replacements: Record<string, string> = {}): string {
  let text = row;
  for (const [marker, raw] of Object.entries(replacements)) text = text.replace(marker, raw);
  return text;
}

describe('CSV structure', () => {
  test('an unclosed quote at the end of the file: the row is rejected, the rest read', async () => {
    const result = await outcome(`${header}\n${csvRow()}\n"test:2,2016-08-01`, 'a.csv');
    expect(result).toMatchObject({ records: 2, rejected: 1 });
    expect(result.events).toHaveLength(1);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'source-error', severity: 'error', row: 3 }),
    );
  });

  test('ragged rows: fewer and more cells than the header', async () => {
    const fewer = csvRow().split(',').slice(0, 5).join(',');
    const result = await outcome(`${header}\n${fewer}\n${csvRow()},extra\n`, 'a.csv');
    expect(result).toMatchObject({ records: 2, rejected: 2 });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'missing-cell', row: 2 }),
      expect.objectContaining({ code: 'extra-cell', row: 3 }),
    ]);
  });

  test('duplicate and blank header labels are reported with their column; rows still read', async () => {
    const result = await outcome(`${header},id,\n${csvRow()},x,y\n`, 'a.csv');
    expect(result).toMatchObject({ records: 1, rejected: 0 });
    expect(result.events[0]?.id).toBe('test:1');
    expect(codes(result)).toEqual(['duplicate-label', 'blank-label']);
    expect(result.issues[0]).toMatchObject({ row: 1, field: 'id' });
  });

  test('CR-only and mixed line ends read the same rows', async () => {
    const second = csvRow().replace('test:1', 'test:2');
    for (const text of [
      `${header}\r${csvRow()}\r${second}\r`,
      `${header}\r\n${csvRow()}\n${second}\r`,
    ]) {
      const result = await outcome(text, 'a.csv');
      expect(result.events.map((event) => event.id)).toEqual(['test:1', 'test:2']);
      expect(result.issues).toEqual([]);
    }
  });

  test('NUL bytes inside a field are kept as characters (valid text), not dropped', async () => {
    const result = await outcome(`${header}\n${csvRow({ 'NOTES-MARKER': 'a\u0000b' })}\n`, 'a.csv');
    expect(result.events[0]?.notes).toBe('a\u0000b');
    expect(result.issues).toEqual([]);
  });

  test('an empty file and a file of only a byte-order mark: no record, one warning', async () => {
    for (const input of [new Uint8Array(0), new Uint8Array([0xef, 0xbb, 0xbf])]) {
      for (const name of ['a.csv', 'a.json', 'a.ndjson', 'a.geojson', 'data']) {
        const result = await outcome(input, name);
        expect(result).toMatchObject({ records: 0, rejected: 0, events: [] });
        expect(result.issues).toEqual([
          { code: 'empty-input', severity: 'warning', byteOffset: 0 },
        ]);
      }
    }
  });
});

describe('encodings', () => {
  test('invalid UTF-8 is an error at its byte offset; the text around it is kept', async () => {
    const before = encoder.encode(`${header}\n${csvRow().split('NOTES-MARKER')[0]}`);
    const after = encoder.encode(`${csvRow().split('NOTES-MARKER')[1]}\n`);
    const input = new Uint8Array([...before, 0x61, 0xc3, 0x28, 0x62, ...after]);
    const result = await outcome(input, 'a.csv');
    expect(result.issues).toEqual([
      { code: 'encoding-error', severity: 'error', byteOffset: before.length + 1 },
    ]);
    expect(result.events[0]?.notes).toBe('a\uFFFD(b');
  });

  test('Windows-1252 read as UTF-8 is an encoding error; with encoding windows-1252 it reads', async () => {
    const text = `${header}\n${csvRow({ 'NOTES-MARKER': 'Alépp€' })}\n`;
    const bytes = Uint8Array.from(text, (character) =>
      character === '€' ? 0x80 : character.charCodeAt(0),
    );
    const asUtf8 = await outcome(bytes, 'a.csv');
    expect(codes(asUtf8)).toEqual(['encoding-error']);
    const declared = await outcome(bytes, 'a.csv', { readOptions: { encoding: 'windows-1252' } });
    expect(declared.issues).toEqual([]);
    expect(declared.events[0]?.notes).toBe('Alépp€');
  });

  test('UTF-16 with a byte-order mark reads as its BOM says', async () => {
    const text = `${header}\n${csvRow({ 'NOTES-MARKER': 'حلب' })}\n`;
    const little = new Uint8Array(2 + text.length * 2);
    little.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index++) {
      const unit = text.charCodeAt(index);
      little[2 + index * 2] = unit & 0xff;
      little[3 + index * 2] = unit >> 8;
    }
    const result = await outcome(little, 'a.csv');
    expect(result.issues).toEqual([]);
    expect(result.events[0]?.notes).toBe('حلب');
  });
});

describe('numbers, coordinates and dates', () => {
  test.each([
    ['1e309', 'overflows to Infinity'],
    ['NaN', 'not a number'],
    ['0x1F', 'hexadecimal'],
    ['"1,5"', 'a decimal comma'],
  ])('%s in a numeric column (%s) rejects the row with a type-error there', async (raw) => {
    const result = await outcome(`${header}\n${csvRow({ '424242': raw })}\n`, 'a.csv');
    expect(result).toMatchObject({ records: 1, rejected: 1 });
    expect(result.issues[0]).toMatchObject({
      code: 'type-error',
      row: 2,
      field: 'fatalities_best',
    });
  });

  test('a latitude outside ±90 and a longitude outside ±180 are constraint errors', async () => {
    const lat = await outcome(`${header}\n${csvRow({ '36.777777': '91.5' })}\n`, 'a.csv');
    expect(lat.rejected).toBe(1);
    expect(lat.issues[0]).toMatchObject({ row: 2, field: 'latitude' });
    const lon = await outcome(`${header}\n${csvRow({ '37.888888': '-180.5' })}\n`, 'a.csv');
    expect(lon.rejected).toBe(1);
    expect(lon.issues[0]).toMatchObject({ row: 2, field: 'longitude' });
  });

  test('latitude and longitude swapped inside a known country: a rule warning, kept', async () => {
    const swapped = csvRow({ '36.777777': '37.1343', '37.888888': '36.2021' });
    const result = await outcome(`${header}\n${swapped}\n`, 'a.csv');
    expect(result.rejected).toBe(0);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'point-lat-lon-swapped', severity: 'warning', row: 2 }),
    );
  });

  test.each([
    ['2016-02-30', 'a day February does not have'],
    ['31/12/99', 'a day-first date with a two-digit year'],
  ])('the date %s (%s) rejects the row at date_start', async (raw) => {
    const result = await outcome(`${header}\n${csvRow().replace('2016-08-01', raw)}\n`, 'a.csv');
    expect(result.rejected).toBe(1);
    expect(result.issues[0]).toMatchObject({ row: 2, field: 'date_start' });
  });

  test('a date far in the future is a rule error: the row is rejected', async () => {
    const future = csvRow().replaceAll('2016-08-01', '2999-01-01');
    const result = await outcome(`${header}\n${future}\n`, 'a.csv');
    expect(result.rejected).toBe(1);
    expect(codes(result)).toContain('date-in-future');
  });
});

describe('compressed input', () => {
  test('a zip of several files is an error naming them; --zip-entry picks one', async () => {
    const zip = zipSync({ 'a.csv': encoder.encode(csvText), 'b.csv': encoder.encode(csvText) });
    await expect(outcome(zip, 'a.zip')).rejects.toThrow(
      new InputError('zip input holds 2 files (a.csv, b.csv); choose one with the zipEntry option'),
    );
    const picked = await outcome(zip, 'a.zip', { zipEntry: 'b.csv' });
    expect(picked.events).toHaveLength(1);
  });

  test('a zip bomb stops at the ratio limit with a clear error, long before it expands', async () => {
    const bomb = zipSync({ 'a.csv': new Uint8Array(200 * 2 ** 20).fill(0x61) }, { level: 9 });
    expect(bomb.length).toBeLessThan(2 ** 20);
    const error = await outcome(bomb, 'bomb.csv.zip').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LimitError);
    expect((error as LimitError).limit).toBe('maxCompressionRatio');
  }, 60_000);

  test('a truncated gzip is an input error, not a partial read passed off as whole', async () => {
    const gz = gzipSync(encoder.encode(csvText));
    await expect(outcome(gz.subarray(0, gz.length - 10), 'a.csv.gz')).rejects.toThrow(
      /gzip input is corrupt or truncated/,
    );
  });
});

describe('JSON and GeoJSON', () => {
  test('__proto__ and constructor keys pollute nothing and are reported', async () => {
    const hostile = [
      '{"__proto__":{"polluted":true},"id":"x"}',
      '{"constructor":{"prototype":{"polluted":true}}}',
    ].join('\n');
    for (const [name, text] of [
      ['a.ndjson', hostile],
      ['a.json', `{"title":"t","events":[${hostile.replace('\n', ',')}]}`],
      [
        'a.geojson',
        `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"__proto__":{"polluted":true}}}]}`,
      ],
    ] as const) {
      const result = await outcome(text, name);
      expect(result.records).toBe(result.rejected);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    }
  });

  test('deeply nested JSON is rejected at its depth, without a stack overflow', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const lines = await outcome(`${deep}\n`, 'a.ndjson');
    expect(lines).toMatchObject({ records: 1, rejected: 1 });
    expect(codes(lines)).toEqual(['nesting-too-deep']);
    const dataset = await outcome(`{"title":"t","events":[${deep}]}`, 'a.json');
    expect(dataset).toMatchObject({ records: 1, rejected: 1 });
    expect(codes(dataset)).toContain('nesting-too-deep');
  });

  const feature = (geometry: string) =>
    `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":${geometry},"properties":${JSON.stringify(sampleEvent())}}]}`;

  test('GeoJSON with a projected crs: the features are rejected, with the way to reproject', async () => {
    const text = feature('{"type":"Point","coordinates":[4144000,4339000]}').replace(
      '"features"',
      '"crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features"',
    );
    const result = await outcome(text, 'a.geojson');
    expect(result).toMatchObject({ records: 1, rejected: 1 });
    expect(result.issues[0]).toMatchObject({ code: 'crs-unsupported', pointer: '/features/0' });
  });

  test('GeoJSON with 3-D coordinates: read, the altitude kept in provenance', async () => {
    const result = await outcome(
      feature('{"type":"Point","coordinates":[37.1343,36.2021,310]}'),
      'a.geojson',
    );
    expect(result.rejected).toBe(0);
    expect(result.events[0]?.provenance.unmapped).toMatchObject({ geometry_altitude: 310 });
  });

  test('GeoJSON with a non-Point geometry: the feature is rejected at its geometry type', async () => {
    const result = await outcome(
      feature('{"type":"LineString","coordinates":[[37,36],[37.2,36.3]]}'),
      'a.geojson',
    );
    expect(result).toMatchObject({ records: 1, rejected: 1 });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'geometry-type', pointer: '/features/0/geometry/type' }),
    ]);
  });
});

describe('huge input', () => {
  test('a 50 MB field is read whole', async () => {
    const notes = 'x'.repeat(50 * 2 ** 20);
    const result = await outcome(`${header}\n${csvRow({ 'NOTES-MARKER': notes })}\n`, 'a.csv');
    expect(result.events[0]?.notes?.length).toBe(notes.length);
  }, 60_000);

  test('a 1 GB line stops at the field limit with a clear error, in bounded memory', async () => {
    const piece = new Uint8Array(2 ** 20).fill(0x78);
    let given = 0;
    async function* oneGigabyteLine(): AsyncIterable<Uint8Array> {
      yield encoder.encode(`${header}\n`);
      for (; given < 2 ** 30; given += piece.length) yield piece;
    }
    const before = process.memoryUsage().rss;
    const error = await outcome(oneGigabyteLine(), 'a.csv').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LimitError);
    expect((error as LimitError).limit).toBe('maxFieldLength');
    expect((error as Error).message).toMatch(/line 2/);
    // It stopped soon after the limit (64 Mi characters) instead of reading the whole gigabyte.
    expect(given).toBeLessThan(2 ** 28);
    expect(process.memoryUsage().rss - before).toBeLessThan(1.5 * 2 ** 30);
  }, 120_000);
});
