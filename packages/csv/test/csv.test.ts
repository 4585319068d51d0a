import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ConflictEvent, parseDataset } from '@conflict-events/schema';
import { describe, expect, test } from 'vitest';
import { readAll, writeAll } from '../../../test/conformance/format-conformance.ts';
import { sampleEvent } from '../../schema/test/arbitraries.ts';
import { csvColumns, csvFormat, neutraliseFormula, restoreFormula } from '../src/index.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const minimalHeader = 'id,date_start,date_end,date_precision,location_precision,provenance_dataset';

describe('writing', () => {
  test('a stable header of every canonical column, then one row per event', async () => {
    const text = decode(await writeAll(csvFormat, [sampleEvent()]));
    const [header, row, end] = text.split('\n');
    expect(header).toBe(csvColumns.map((column) => column.name).join(','));
    expect(row?.startsWith('test:1,2016-08-01,2016-08-01,day,,SYR,')).toBe(true);
    expect(end).toBe('');
  });

  test('numbers are never quoted; text is quoted only when needed', async () => {
    const event: ConflictEvent = { ...sampleEvent(), notes: 'a, "b"\nc' };
    const text = decode(await writeAll(csvFormat, [event]));
    expect(text).toContain(',36.2021,37.1343,');
    expect(text).toContain(',4,4,6,');
    expect(text).toContain('"a, ""b""\nc"');
  });

  test('CRLF, a BOM and another delimiter on request', async () => {
    const bytes = await writeAll(csvFormat, [sampleEvent()], {
      lineEnding: '\r\n',
      bom: true,
      delimiter: ';',
    });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decode(bytes.subarray(3));
    expect(text.split('\r\n')).toHaveLength(3);
    expect(text.startsWith('id;date_start;')).toBe(true);
    expect((await readAll(csvFormat, bytes)).events).toEqual([sampleEvent()]);
  });

  test('formula neutralisation applies to text cells only, and reads back exactly', async () => {
    const event: ConflictEvent = {
      ...sampleEvent(),
      notes: '=HYPERLINK("http://x")',
      location: {
        ...sampleEvent().location,
        place: '-Aleppo',
        admin1: "'=already",
        point: { lat: -33.5, lon: -70.6 },
      },
    };
    const text = decode(await writeAll(csvFormat, [event]));
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain(",'-Aleppo,");
    expect(text).toContain(",''=already,");
    expect(text).toContain(',-33.5,-70.6,');
    expect((await readAll(csvFormat, encode(text))).events).toEqual([event]);
    const raw = decode(await writeAll(csvFormat, [event], { neutraliseFormulas: false }));
    expect(raw).toContain('"=HYPERLINK(""http://x"")"');
  });

  test('neutralisation is reversible for every prefix', () => {
    for (const text of [
      '=1',
      '+1',
      '-1',
      '@a',
      '\tx',
      '\rx',
      "'=1",
      "''-2",
      "'plain",
      'plain',
      '',
    ]) {
      expect(restoreFormula(neutraliseFormula(text))).toBe(text);
    }
  });
});

describe('reading', () => {
  test('a minimal CSV with only the required columns', async () => {
    const csv = `${minimalHeader}\nm:1,2016-08-01,2016-08-01,day,unknown,manual\n`;
    const result = await readAll(csvFormat, encode(csv));
    expect(result.events).toEqual([
      {
        id: 'm:1',
        date: { start: '2016-08-01', end: '2016-08-01', precision: 'day' },
        location: { precision: 'unknown' },
        type: {},
        actors: [],
        fatalities: { known: false },
        sources: [],
        provenance: { dataset: 'manual' },
      },
    ]);
  });

  test('semicolon and tab delimiters are sniffed', async () => {
    for (const delimiter of [';', '\t']) {
      const csv = `${minimalHeader.replaceAll(',', delimiter)}\nm:1${delimiter}2016-08-01${delimiter}2016-08-01${delimiter}day${delimiter}unknown${delimiter}manual\n`;
      expect((await readAll(csvFormat, encode(csv))).events).toHaveLength(1);
    }
  });

  test('unknown fatalities stay unknown; 0 is reported none', async () => {
    const csv = `${minimalHeader},fatalities_best\nm:1,2016-08-01,2016-08-01,day,unknown,manual,\nm:2,2016-08-01,2016-08-01,day,unknown,manual,0\n`;
    const result = await readAll(csvFormat, encode(csv));
    expect(result.events.map((event) => event.fatalities)).toEqual([
      { known: false },
      { known: true, best: 0 },
    ]);
  });

  test('header problems: missing, blank, duplicate and extra labels, with extra cells kept', async () => {
    const csv = 'id,date_start,,id,source_url\nm:1,2016-08-01,x,m:2,http://a\n';
    const result = await readAll(csvFormat, encode(csv));
    const codes = result.issues.map((issue) => [issue.code, issue.fieldNumber ?? issue.field]);
    expect(codes).toEqual([
      ['blank-label', 3],
      ['duplicate-label', 4],
      ['extra-label', 5],
      ['missing-label', 'date_end'],
      ['missing-label', 'date_precision'],
      ['missing-label', 'location_precision'],
      ['missing-label', 'provenance_dataset'],
    ]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]?.issues.map((issue) => issue.field)).toContain('date_end');
  });

  test('unknown columns go to provenance.unmapped, nothing dropped', async () => {
    const csv = `${minimalHeader},gwno,Source URL\nm:1,2016-08-01,2016-08-01,day,unknown,manual,652,http://a\n`;
    const [event] = (await readAll(csvFormat, encode(csv))).events;
    expect(event?.provenance.unmapped).toEqual({ gwno: '652', 'Source URL': 'http://a' });
  });

  test('ragged rows are rejected with missing-cell or extra-cell and their position', async () => {
    const csv = `${minimalHeader}\nm:1,2016-08-01,2016-08-01,day,unknown\nm:2,2016-08-01,2016-08-01,day,unknown,manual,extra\n`;
    const result = await readAll(csvFormat, encode(csv));
    expect(
      result.rejected.map((r) => [
        r.issues[0]?.code,
        r.issues[0]?.row,
        r.issues[0]?.line,
        r.position.byteOffset,
      ]),
    ).toEqual([
      ['missing-cell', 2, 2, minimalHeader.length + 1],
      ['extra-cell', 3, 3, minimalHeader.length + 1 + 38],
    ]);
    expect(result.rejected[0]?.raw).toBe('m:1,2016-08-01,2016-08-01,day,unknown');
  });

  test('numbers must be plain decimals: 1e309, NaN, 0x1F and 1,5 are type errors with their column', async () => {
    const header = `${minimalHeader},latitude,longitude,fatalities_best`;
    const rows = ['1e309', 'NaN', '0x1F', '"1,5"'].map(
      (value, index) => `m:${index},2016-08-01,2016-08-01,day,near,manual,${value},10,1`,
    );
    const result = await readAll(csvFormat, encode(`${header}\n${rows.join('\n')}\n`));
    expect(result.events).toEqual([]);
    expect(
      result.rejected.map((r) => [
        r.issues[0]?.code,
        r.issues[0]?.field,
        r.issues[0]?.fieldNumber,
        r.issues[0]?.value,
      ]),
    ).toEqual([
      ['type-error', 'latitude', 7, '1e309'],
      ['type-error', 'latitude', 7, 'NaN'],
      ['type-error', 'latitude', 7, '0x1F'],
      ['type-error', 'latitude', 7, '1,5'],
    ]);
  });

  test('schema problems name the CSV column and the row', async () => {
    const csv = `${minimalHeader},latitude,longitude\nm:1,2016-02-30,2016-08-01,day,near,manual,95,10\n`;
    const [rejected] = (await readAll(csvFormat, encode(csv), 4096, { file: 'events.csv' }))
      .rejected;
    expect(
      rejected?.issues.map((issue) => [issue.code, issue.field, issue.row, issue.file]),
    ).toEqual([
      ['type-error', 'date_start', 2, 'events.csv'],
      ['constraint-error', 'latitude', 2, 'events.csv'],
    ]);
  });

  test('blank rows are skipped with a warning, not counted as records', async () => {
    const csv = `${minimalHeader}\n\nm:1,2016-08-01,2016-08-01,day,unknown,manual\n`;
    const result = await readAll(csvFormat, encode(csv));
    expect(result.records).toBe(1);
    expect(result.issues).toMatchObject([{ code: 'blank-row', row: 2, severity: 'warning' }]);
  });

  test('an unclosed quote rejects the last record with source-error', async () => {
    const csv = `${minimalHeader},notes\nm:1,2016-08-01,2016-08-01,day,unknown,manual,"never closed\n`;
    const result = await readAll(csvFormat, encode(csv));
    expect(result.rejected[0]?.issues[0]).toMatchObject({ code: 'source-error', row: 2 });
  });

  test('windows-1252 input with the encoding option', async () => {
    const bytes = new Uint8Array([
      ...encode(`${minimalHeader},place\nm:1,2016-08-01,2016-08-01,day,unknown,manual,`),
      0xc9,
      0x6c,
      0x61,
      0x0a,
    ]);
    const [event] = (await readAll(csvFormat, bytes, 4096, { encoding: 'windows-1252' })).events;
    expect(event?.location.place).toBe('Éla');
  });
});

describe('the seed dataset', () => {
  test('survives CSV exactly', async () => {
    const path = fileURLToPath(
      new URL('../../../examples/seed-afp-2016-08-01.dataset.json', import.meta.url),
    );
    const { events } = parseDataset(JSON.parse(readFileSync(path, 'utf8')));
    const result = await readAll(csvFormat, await writeAll(csvFormat, events), 100);
    expect(result.events).toEqual(events);
  });
});

describe('the README', () => {
  test('documents every column', () => {
    const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
    for (const column of csvColumns)
      expect(readme).toMatch(new RegExp(`\\| \`${column.name}\` +\\|`));
  });
});

describe('HXL hashtags', () => {
  test('an optional hashtag row under the header, read back as part of the header', async () => {
    const bytes = await writeAll(csvFormat, [sampleEvent()], { hxlTags: true });
    const lines = decode(bytes).split('\n');
    expect(lines[1]?.split(',').slice(0, 4)).toEqual([
      '#event+code',
      '#date+start',
      '#date+end',
      '#date+precision',
    ]);
    expect(lines[1]).toContain('#affected+killed');
    const result = await readAll(csvFormat, bytes);
    expect(result.events).toEqual([sampleEvent()]);
    expect(result.records).toBe(1);
  });

  test('every column has a well-formed, unique hashtag', () => {
    const tags = csvColumns.map((column) => column.hxl);
    for (const tag of tags) expect(tag).toMatch(/^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/);
    expect(new Set(tags).size).toBe(tags.length);
  });
});
