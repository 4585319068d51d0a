import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readAll } from '../../../test/conformance/format-conformance.ts';
import { findHashtagDelimiter } from '../src/find-hashtag-row.ts';
import {
  defaultHxlReadOptions,
  formatPattern,
  hxlFormat,
  isHashtagRow,
  matchesPattern,
  parseHashtag,
  selectColumn,
} from '../src/index.ts';
import { parseHxlDate, precisionOfSpan } from '../src/map-hxl-row.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const inDirectory = fileURLToPath(new URL('./in/', import.meta.url));
const tags = '#event+code,#date+occurred,#affected+killed';

async function read(text: string, chunkSize = 4096, options: object = {}) {
  return readAll(hxlFormat, encode(text), chunkSize, options);
}

describe('hashtag specs', () => {
  test('hashtag and attributes are lower-cased, attributes a set, white space around + ignored', () => {
    const spec = parseHashtag(' #GROUP + First +name ');
    expect(spec?.hashtag).toBe('group');
    expect([...(spec?.attributes ?? [])].sort()).toEqual(['first', 'name']);
    expect(spec?.text).toBe('#GROUP + First +name');
    expect(parseHashtag('#x_custom+i_en')?.hashtag).toBe('x_custom');
  });

  test('invalid specs are refused', () => {
    for (const cell of [
      '',
      'event',
      '#',
      '#1event',
      '#event+',
      '#event++code',
      '#a b',
      '# comment',
    ])
      expect(parseHashtag(cell), cell).toBeUndefined();
  });

  test('a pattern needs its hashtag and every included attribute, and no excluded one', () => {
    const first = { hashtag: 'group', include: ['name', 'first'], exclude: ['assoc'] };
    const spec = (text: string) => parseHashtag(text) ?? expect.unreachable(text);
    expect(matchesPattern(spec('#group+name+first'), first)).toBe(true);
    expect(matchesPattern(spec('#GROUP+FIRST+name'), first)).toBe(true);
    expect(matchesPattern(spec('#group+name+first+i_en'), first)).toBe(true);
    expect(matchesPattern(spec('#group+name+first+assoc'), first)).toBe(false);
    expect(matchesPattern(spec('#group+name'), first)).toBe(false);
    expect(matchesPattern(spec('#org+name+first'), first)).toBe(false);
    expect(formatPattern(first)).toBe('#group+name+first-assoc');
  });

  test('of several matching columns the closest wins, ties to the leftmost', () => {
    const specs = ['#country+code+gw', '', '#country+code', '#country+code'].map(parseHashtag);
    expect(selectColumn(specs, { hashtag: 'country', include: ['code'] })).toBe(2);
    expect(selectColumn(specs, { hashtag: 'adm1', include: ['name'] })).toBe(-1);
    const killed = ['#affected+killed+max', '#affected+killed+min'].map(parseHashtag);
    expect(selectColumn(killed, { hashtag: 'affected', include: ['killed'] })).toBe(0);
  });

  test('a hashtag row has only #-cells among its non-empty cells, one of them valid', () => {
    expect(isHashtagRow(['#event+code', '', ' #date +occurred '])).toBe(true);
    expect(isHashtagRow(['#event+code', 'date'])).toBe(false);
    expect(isHashtagRow(['', ''])).toBe(false);
    expect(isHashtagRow(['# a comment'])).toBe(false);
  });
});

describe('values', () => {
  test('dates: ISO with or without a time part, ACLED day month year; calendar checked', () => {
    expect(parseHxlDate('2016-08-01')).toBe('2016-08-01');
    expect(parseHxlDate('2016-08-01 00:00:00')).toBe('2016-08-01');
    expect(parseHxlDate('2016-08-01T12:30:00Z')).toBe('2016-08-01');
    expect(parseHxlDate('1 August 2016')).toBe('2016-08-01');
    expect(parseHxlDate('01 august 2016')).toBe('2016-08-01');
    for (const text of ['2016-02-30', '2016-8-1', '08/01/2016', '1 Augst 2016', ''])
      expect(parseHxlDate(text), text).toBeUndefined();
  });

  test('precision of a date range follows its length', () => {
    expect(precisionOfSpan('2016-08-01', '2016-08-01')).toBe('day');
    expect(precisionOfSpan('2016-08-01', '2016-08-06')).toBe('range');
    expect(precisionOfSpan('2016-08-01', '2016-08-07')).toBe('week');
    expect(precisionOfSpan('2016-08-01', '2016-08-31')).toBe('month');
    expect(precisionOfSpan('2016-08-01', '2016-09-01')).toBe('year');
  });
});

describe('finding the hashtag row', () => {
  const rows = (above: number) =>
    `${Array.from({ length: above }, (_, index) => `description ${index + 1}`).join('\n')}\n${tags}\nE-1,2016-08-01,1\n`;

  test('the hashtag row may be row 25, with 24 rows above it', async () => {
    const result = await read(rows(24));
    expect(result.events.map((event) => event.id)).toEqual(['hxl:E-1']);
    expect(result.rejected).toEqual([]);
    expect(hxlFormat.sniff(encode(rows(24)))).toBe(true);
  });

  test('a hashtag row at row 26 is not one: every row after the first is rejected', async () => {
    const result = await read(rows(25));
    expect(result.events).toEqual([]);
    expect(result.records).toBe(26);
    expect(result.rejected).toHaveLength(26);
    expect(result.rejected[0]?.issues[0]?.code).toBe('hxl-tags-missing');
    expect(result.issues.filter((issue) => issue.code === 'hxl-tags-missing')).toHaveLength(1);
    expect(hxlFormat.sniff(encode(rows(25)))).toBe(false);
  });

  test('without a header the columns are named by their tags', async () => {
    const result = await read(`${tags}\nE-1,2016-08-01,x\n`);
    expect(result.rejected[0]?.position.row).toBe(2);
    expect(result.rejected[0]?.issues[0]).toMatchObject({
      code: 'type-error',
      field: '#affected+killed',
      fieldNumber: 3,
      row: 2,
      value: 'x',
    });
  });

  test('the rows above the hashtag row and the row itself are the preamble', async () => {
    const text = `title\nid,date,killed\n${tags}\nE-1,2016-08-01,1\n`;
    const batches = [];
    for await (const batch of hxlFormat.read(
      (async function* () {
        yield encode(text);
      })(),
    ))
      batches.push(batch);
    expect(batches[0]?.preamble).toBe(`title\nid,date,killed\n${tags}`);
    expect(batches[0]?.positions[0]).toMatchObject({ row: 4, line: 4 });
  });

  test('the delimiter is the one that reveals the hashtag row, past a comma-laden title', async () => {
    expect(findHashtagDelimiter('Title, with, commas\n#event+code;#date+occurred\n')).toBe(';');
    expect(findHashtagDelimiter('#event+code\t#date+occurred\n')).toBe('\t');
    expect(findHashtagDelimiter('#event+code\n')).toBe(',');
    expect(findHashtagDelimiter('\uFEFFa\tb\n#event+code\t#date occurred\n')).toBe('\t');
    expect(findHashtagDelimiter('a,b\n1,2\n')).toBeUndefined();
    const result = await read(
      'Title, with, commas\nid;date\n#event+code;#date+occurred\nE-1;2016-08-01\n',
    );
    expect(result.events.map((event) => event.id)).toEqual(['hxl:E-1']);
  });
});

describe('sniff', () => {
  test('recognises hashtag rows and nothing else', () => {
    expect(hxlFormat.sniff(encode(`id,date\n${tags}\n`))).toBe(true);
    expect(hxlFormat.sniff(encode('\uFEFF#event+code,"#date+occurred"\n'))).toBe(true);
    expect(hxlFormat.sniff(encode('id,date,killed\n1,2016-08-01,3\n'))).toBe(false);
    expect(hxlFormat.sniff(encode('# comment line\n{"a":1}\n'))).toBe(false);
    expect(hxlFormat.sniff(new Uint8Array(0))).toBe(false);
  });
});

describe('the format object', () => {
  test('identity and frozen defaults', () => {
    expect(hxlFormat).toMatchObject({
      id: 'hxl',
      name: 'HXL-tagged CSV',
      extensions: ['csv'],
      mediaTypes: ['text/csv'],
      capabilities: { read: true, write: false, lossless: false },
      rejectsLayout: 'lines',
    });
    expect(defaultHxlReadOptions).toEqual({ delimiter: 'auto', encoding: 'utf-8', dataset: 'hxl' });
    expect(Object.isFrozen(defaultHxlReadOptions)).toBe(true);
  });

  test('fieldOf names the tag a pointer stems from', () => {
    expect(hxlFormat.fieldOf('/location/point/lat')).toEqual({ field: '#geo+lat' });
    expect(hxlFormat.fieldOf('/actors/0/name')).toEqual({ field: '#group+name+first-assoc' });
    expect(hxlFormat.fieldOf('/date/end')).toEqual({ field: '#date+end' });
    expect(hxlFormat.fieldOf('/date/precision')).toEqual({ field: '#date+occurred' });
    expect(hxlFormat.fieldOf('/provenance/recordId')).toEqual({ field: '#event+code' });
    expect(hxlFormat.fieldOf('/tags')).toBeUndefined();
  });

  test('the dataset option names the origin; a malformed one is refused', async () => {
    const result = await read(`${tags}\nE-1,2016-08-01,1\n`, 4096, { dataset: 'ucdp-ged' });
    expect(result.events[0]?.provenance).toMatchObject({ dataset: 'ucdp-ged', layout: 'hxl' });
    await expect(read(`${tags}\n`, 4096, { dataset: 'Not Valid' })).rejects.toThrow(TypeError);
  });
});

describe('rows', () => {
  test('missing id or date columns: an error on the header, every row rejected', async () => {
    const result = await read('#event+code,#affected+killed\nE-1,1\nE-2,2\n');
    expect(result.issues.map((issue) => issue.code)).toEqual(['missing-label']);
    expect(result.rejected.map((reject) => reject.issues[0]?.field)).toEqual([
      '#date+occurred',
      '#date+occurred',
    ]);
  });

  test('a column labelled "__proto__" is reported, not dropped', async () => {
    const result = await read(`id,date,__proto__\n#event+code,#date+occurred,\nE-1,2016-08-01,x\n`);
    expect(result.events).toEqual([]);
    expect(result.rejected).toHaveLength(1);
  });

  test('country codes: alpha-3 upper-cased; anything else kept with a warning', async () => {
    const text =
      '#event+code,#date+occurred,#country+code\nE-1,2016-08-01,syr\nE-2,2016-08-01,652\n';
    const result = await read(text);
    expect(result.events[0]?.location).toEqual({ country: 'SYR', precision: 'country' });
    expect(result.events[1]?.location).toEqual({ precision: 'unknown' });
    expect(result.events[1]?.provenance.unmapped).toEqual({ '#country+code': '652' });
    expect(result.issues[0]).toMatchObject({ code: 'unknown-code', row: 3, value: '652' });
  });

  test('accounting holds and chunking does not matter, for any rows', async () => {
    const cell = fc.constantFrom('', 'E-1', '2016-08-01', 'x', '3', '35.5', '"a,b"', 'abc');
    const rowArbitrary = fc
      .array(cell, { minLength: 0, maxLength: 6 })
      .map((cells) => cells.join(','));
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArbitrary, { maxLength: 8 }),
        fc.integer({ min: 1, max: 40 }),
        async (rows, size) => {
          const text = `id,date,killed,lat,lon,country\n#event+code,#date+occurred,#affected+killed,#geo+lat,#geo+lon,#country+code\n${rows.join('\n')}`;
          const whole = await read(text);
          expect(whole.records).toBe(whole.events.length + whole.rejected.length);
          expect(await read(text, size)).toEqual(whole);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a golden input reads the same in 7-byte chunks as in one', async () => {
    const bytes = readFileSync(`${inDirectory}hdx-acled-style.csv`);
    const whole = await readAll(hxlFormat, bytes, bytes.length, { dataset: 'acled' });
    expect(whole.events).toHaveLength(4);
    expect(await readAll(hxlFormat, bytes, 7, { dataset: 'acled' })).toEqual(whole);
  });
});
