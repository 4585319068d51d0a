import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gleditschWardStates, iso3FromGleditschWard } from '@conflict-events/schema';
import { describe, expect, test } from 'vitest';
import { readAll } from '../../../test/conformance/format-conformance.ts';
import {
  defaultUcdpReadOptions,
  ged42Columns,
  ged49Columns,
  sourceKindOf,
  ucdpFormat,
} from '../src/index.ts';
import { parseSources } from '../src/parse-sources.ts';
import { datePart } from '../src/parse-values.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const inDirectory = fileURLToPath(new URL('./in/', import.meta.url));

/** A synthetic state-based record; `changes` replaces cells by column. */
function record(changes: Record<string, string> = {}): Record<string, string> {
  return {
    id: '800001',
    relid: 'TST-2016-1-1-1',
    year: '2016',
    active_year: '1',
    code_status: 'Clear',
    type_of_violence: '1',
    conflict_dset_id: '11',
    conflict_new_id: '11',
    conflict_name: 'Syria: Government',
    dyad_dset_id: '12',
    dyad_new_id: '12',
    dyad_name: 'Government of Syria - Test Front',
    side_a_dset_id: '13',
    side_a_new_id: '13',
    side_a: 'Government of Syria',
    side_b_dset_id: '14',
    side_b_new_id: '14',
    side_b: 'Test Front',
    number_of_sources: '1',
    source_article: '"Test Daily,2016-08-01,Clashes"',
    source_office: 'Test Daily',
    source_date: '2016-08-01',
    source_headline: 'Clashes',
    source_original: '',
    where_prec: '1',
    where_coordinates: 'Test town',
    where_description: 'in Test town',
    adm_1: 'Idlib governorate',
    adm_2: '',
    latitude: '35.9',
    longitude: '36.6',
    geom_wkt: 'POINT (36.6 35.9)',
    priogrid_gid: '181393',
    country: 'Syria',
    country_id: '652',
    region: 'Middle East',
    event_clarity: '1',
    date_prec: '1',
    date_start: '2016-08-01',
    date_end: '2016-08-01',
    deaths_a: '0',
    deaths_b: '2',
    deaths_civilians: '0',
    deaths_unknown: '0',
    best: '2',
    high: '3',
    low: '2',
    gwnoa: '652',
    gwnob: '',
    ...changes,
  };
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function csv(columns: readonly string[], rows: Record<string, string>[], header = true): string {
  const lines = rows.map((row) => columns.map((column) => quote(row[column] ?? '')).join(','));
  return `${[...(header ? [columns.join(',')] : []), ...lines].join('\n')}\n`;
}

async function read(text: string, chunkSize = 4096, options: object = {}) {
  return readAll(ucdpFormat, encode(text), chunkSize, options);
}

describe('layout detection', () => {
  test('a 20.1+ header, in any letter case', async () => {
    const text = csv(ged49Columns, [record()]).replace(/^[^\n]+/, (line) => line.toUpperCase());
    const result = await read(text);
    expect(result.events.map((event) => event.provenance.layout)).toEqual(['ucdp-ged-49']);
  });

  test('a 19.1 header is read by name, whatever the order', async () => {
    const shuffled = [...ged42Columns].reverse();
    const result = await read(csv(shuffled, [record({ best: '7', low: '6', high: '9' })]));
    expect(result.rejected).toEqual([]);
    const [event] = result.events;
    expect(event?.provenance.layout).toBe('ucdp-ged-42');
    expect(event?.fatalities).toMatchObject({ best: 7, low: 6, high: 9 });
    expect(event?.provenance.unmapped?.relid).toBeUndefined();
  });

  test('HDX: iso3 column and hashtag row; the hashtag row is preamble, not a record', async () => {
    const rows = [record({ iso3: 'SYR' })];
    const columns = [...ged49Columns, 'iso3'];
    const hashtags = columns.map((column) => (column === 'id' ? '#event+code' : '')).join(',');
    const [header, ...rest] = csv(columns, rows).split('\n');
    const text = [header, hashtags, ...rest].join('\n');
    const batches = [];
    for await (const batch of ucdpFormat.read(
      (async function* () {
        yield encode(text);
      })(),
    ))
      batches.push(batch);
    const result = await read(text);
    expect(result.records).toBe(1);
    expect(result.events[0]?.provenance.layout).toBe('ucdp-ged-hdx');
    expect(result.events[0]?.location.country).toBe('SYR');
    expect(result.events[0]?.provenance.unmapped?.iso3).toBe('SYR');
    expect(batches[0]?.preamble).toBe(`${header}\n${hashtags}`);
  });

  test('a hashtag row alone makes a file HDX, and rows after it count from 3', async () => {
    const [header, ...rest] = csv(ged49Columns, [record({ best: 'x' })]).split('\n');
    const text = [header, '#event+code', ...rest].join('\n');
    const result = await read(text);
    expect(result.rejected[0]?.position.row).toBe(3);
    expect(result.rejected[0]?.issues[0]?.row).toBe(3);
  });

  test('headerless files of 49 and 42 cells: every row is a record', async () => {
    const rows = [record(), record({ id: '800002' })];
    const of49 = await read(csv(ged49Columns, rows, false));
    expect(of49.events.map((event) => [event.id, event.provenance.layout])).toEqual([
      ['ucdp:800001', 'ucdp-ged-49'],
      ['ucdp:800002', 'ucdp-ged-49'],
    ]);
    expect(of49.events[0]?.fatalities).toMatchObject({ best: 2, high: 3, low: 2 });
    const of42 = await read(csv(ged42Columns, rows, false));
    expect(of42.events.map((event) => event.provenance.layout)).toEqual([
      'ucdp-ged-42',
      'ucdp-ged-42',
    ]);
    expect(of42.rejected[0]?.position.row).toBeUndefined();
    expect(of42.events[0]?.fatalities).toMatchObject({ best: 2, high: 3, low: 2 });
  });

  test('a headerless row of another width: every row rejected, an error says why', async () => {
    const result = await read('800001,1,2\n800002,3,4\n');
    expect(result.records).toBe(2);
    expect(result.rejected).toHaveLength(2);
    expect(result.issues[0]?.message).toMatch(/49 \(20\.1\+\) or 42/);
  });

  test('sniffing: a GED header, a headerless row, an API page; not other CSV', () => {
    expect(ucdpFormat.sniff(encode(`\uFEFF${ged49Columns.join(',')}\n`))).toBe(true);
    expect(ucdpFormat.sniff(encode(csv(ged42Columns, [record()])))).toBe(true);
    expect(ucdpFormat.sniff(encode(csv(ged49Columns, [record()], false)))).toBe(true);
    expect(ucdpFormat.sniff(encode('{"TotalCount":3,"Result":[]}'))).toBe(true);
    expect(ucdpFormat.sniff(encode('{"events":[]}'))).toBe(false);
    expect(ucdpFormat.sniff(encode('id,date_start,date_end\n'))).toBe(false);
    expect(ucdpFormat.sniff(encode('1,2,3\n'))).toBe(false);
  });
});

describe('Gleditsch–Ward codes', () => {
  test.each([
    [652, 'SYR'],
    [365, 'RUS'],
    [2, 'USA'],
    [200, 'GBR'],
    [475, 'NGA'],
    [770, 'PAK'],
    [700, 'AFG'],
    [645, 'IRQ'],
    [625, 'SDN'],
    [626, 'SSD'],
    [369, 'UKR'],
    [640, 'TUR'],
    [490, 'COD'],
    [678, 'YEM'],
    [345, 'SRB'],
  ])('%i → %s', (code, iso3) => {
    expect(iso3FromGleditschWard(code)).toBe(iso3);
  });

  test('codes outside the list, and dissolved states, have no ISO code', () => {
    expect(iso3FromGleditschWard(999)).toBeUndefined();
    expect(iso3FromGleditschWard(265)).toBeUndefined();
    expect(gleditschWardStates.get(265)?.name).toBe('German Democratic Republic');
  });

  test('every ISO code is well formed and used once (Serbia and Yugoslavia excepted)', () => {
    const codes = [...gleditschWardStates.values()].flatMap((state) => state.iso3 ?? []);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{3}$/);
    const repeated = codes.filter((code, index) => codes.indexOf(code) !== index);
    expect(repeated).toEqual(['SRB']);
  });

  test('an unknown country_id: country left out, code kept, a positioned warning', async () => {
    const result = await read(csv(ged49Columns, [record({ country_id: '999' })]));
    const [event] = result.events;
    expect(event?.location.country).toBeUndefined();
    expect(event?.provenance.unmapped?.country_id).toBe('999');
    expect(result.issues).toMatchObject([
      { code: 'unknown-code', severity: 'warning', row: 2, field: 'country_id', fieldNumber: 35 },
    ]);
  });
});

describe('sources', () => {
  test('entries paired by position when the counts agree', () => {
    expect(parseSources('Reuters;Test Daily', '2016-08-01;2016-08-02 00:00:00', 'A;B')).toEqual([
      { name: 'Reuters', kind: 'news-agency', title: 'A', published: '2016-08-01' },
      { name: 'Test Daily', kind: 'news-media', title: 'B', published: '2016-08-02' },
    ]);
  });

  test('counts that disagree give one source with the whole strings', () => {
    expect(parseSources('Test Radio;Test Daily', '2016-08-01', 'One; headline')).toEqual([
      {
        name: 'Test Radio;Test Daily',
        kind: 'news-media',
        title: 'One; headline',
        published: '2016-08-01',
      },
    ]);
  });

  test('no office, no source; a date that is not a date is left out', () => {
    expect(parseSources('', '2016-08-01', 'x')).toEqual([]);
    expect(parseSources('Test Daily', 'August 2016', '')).toEqual([
      { name: 'Test Daily', kind: 'news-media' },
    ]);
  });

  test('kinds: agencies by name, monitors by the words in their names', () => {
    expect(sourceKindOf('Agence France Presse')).toBe('news-agency');
    expect(sourceKindOf('Xinhua News Agency')).toBe('news-agency');
    expect(sourceKindOf('Human Rights Watch')).toBe('ngo-monitor');
    expect(sourceKindOf('Syrian Observatory for Human Rights')).toBe('ngo-monitor');
    expect(sourceKindOf('The Daily Test')).toBe('news-media');
  });

  test('the raw source strings stay in provenance.unmapped', async () => {
    const result = await read(csv(ged49Columns, [record({ source_original: 'SOHR' })]));
    expect(result.events[0]?.provenance.unmapped).toMatchObject({
      source_article: '"Test Daily,2016-08-01,Clashes"',
      source_office: 'Test Daily',
      source_date: '2016-08-01',
      source_headline: 'Clashes',
      source_original: 'SOHR',
    });
  });
});

describe('values', () => {
  test('dates: a date, with a time, in ISO form; nothing else', () => {
    expect(datePart('2016-08-01')).toBe('2016-08-01');
    expect(datePart('2016-08-01 00:00:00')).toBe('2016-08-01');
    expect(datePart('2016-08-01T00:00:00.000')).toBe('2016-08-01');
    expect(datePart('2016-02-30')).toBeUndefined();
    expect(datePart('01/08/2016')).toBeUndefined();
  });

  test('numbers are strict decimals: 1e3, 0x1F, 1,5 are type errors naming the column', async () => {
    for (const best of ['1e3', '0x1F', '1,5', 'NaN']) {
      const result = await read(csv(ged49Columns, [record({ best })]));
      expect(result.rejected[0]?.issues).toMatchObject([
        { code: 'type-error', field: 'best', fieldNumber: 45, row: 2 },
      ]);
    }
  });

  test('codes outside the codebook are constraint errors', async () => {
    const result = await read(csv(ged49Columns, [record({ where_prec: '8', date_prec: '0' })]));
    expect(result.rejected[0]?.issues.map((issue) => [issue.code, issue.field])).toEqual([
      ['constraint-error', 'date_prec'],
      ['constraint-error', 'where_prec'],
    ]);
  });

  test('active_year and number_of_sources -1 are kept verbatim; an empty best is an unknown toll', async () => {
    const result = await read(
      csv(ged49Columns, [
        record({ active_year: 'false', number_of_sources: '-1', best: '', low: '', high: '' }),
      ]),
    );
    const [event] = result.events;
    expect(event?.provenance.unmapped).toMatchObject({
      active_year: 'false',
      number_of_sources: '-1',
      deaths_b: '2',
    });
    expect(event?.fatalities).toEqual({ known: false });
  });

  test('one-sided violence: category, civilians on side b, civilian targeting', async () => {
    const result = await read(
      csv(ged49Columns, [
        record({ type_of_violence: '3', side_a: 'Test Front', side_b: 'Civilians' }),
      ]),
    );
    const [event] = result.events;
    expect(event?.type.category).toBe('violence-against-civilians');
    expect(event?.type.subType).toBeUndefined();
    expect(event?.civilianTargeting).toBe(true);
    expect(event?.actors.map((actor) => [actor.side, actor.kind])).toEqual([
      ['a', 'rebel-group'],
      ['b', 'civilians'],
    ]);
  });

  test('the version option becomes datasetVersion; no option, no version', async () => {
    const text = csv(ged49Columns, [record()]);
    expect((await read(text, 4096, { version: '23.1' })).events[0]?.provenance.datasetVersion).toBe(
      '23.1',
    );
    expect((await read(text)).events[0]?.provenance.datasetVersion).toBeUndefined();
    expect(Object.isFrozen(defaultUcdpReadOptions)).toBe(true);
  });
});

describe('positions and accounting', () => {
  test('row counts the header; line follows quoted line breaks; byte offset; field', async () => {
    const text = csv(ged49Columns, [
      record({ source_article: '"Test Daily,2016-08-01,Two\nlines, and commas"' }),
      record({ id: '800002', latitude: 'north' }),
    ]);
    const result = await read(text);
    expect(result.events).toHaveLength(1);
    const [rejected] = result.rejected;
    expect(rejected?.position).toEqual({
      row: 3,
      line: 4,
      byteOffset: text.indexOf('800002'),
    });
    expect(rejected?.issues[0]).toMatchObject({
      code: 'type-error',
      row: 3,
      line: 4,
      field: 'latitude',
      fieldNumber: 30,
      value: 'north',
    });
    expect(rejected?.raw.startsWith('800002,')).toBe(true);
  });

  test('ragged rows are rejected with missing-cell / extra-cell; blank rows are skipped', async () => {
    const good = csv(ged49Columns, [record()], false).trimEnd();
    const text = `${ged49Columns.join(',')}\n${good},extra\n\n${good.slice(0, good.lastIndexOf(','))}\n`;
    const result = await read(text);
    expect(result.rejected.map((rejected) => rejected.issues[0]?.code)).toEqual([
      'extra-cell',
      'missing-cell',
    ]);
    expect(result.rejected.map((rejected) => rejected.position.row)).toEqual([2, 4]);
    expect(result.issues).toMatchObject([{ code: 'blank-row', row: 3 }]);
  });

  test('unknown labels go to provenance.unmapped, with a warning', async () => {
    const result = await read(csv([...ged49Columns, 'note'], [record({ note: 'kept' })]));
    expect(result.events[0]?.provenance.unmapped?.note).toBe('kept');
    expect(result.issues).toMatchObject([{ code: 'extra-label', field: 'note', fieldNumber: 50 }]);
  });

  test.each(['ged-20-1-layout.csv', 'ged-hdx-layout.csv', 'ged-api-page.json'])(
    '%s: records = events + rejected, the same in 7-byte chunks as in one',
    async (name) => {
      const bytes = readFileSync(`${inDirectory}${name}`);
      const whole = await readAll(ucdpFormat, bytes, bytes.length + 1);
      const small = await readAll(ucdpFormat, bytes, 7);
      expect(whole.records).toBe(whole.events.length + whole.rejected.length);
      expect(small).toEqual(whole);
    },
  );
});

describe('API pages', () => {
  test('records are positioned by pointer; keys like __proto__ are data, not prototypes', async () => {
    const page = JSON.stringify({
      TotalCount: 2,
      TotalPages: 1,
      NextPageUrl: '',
      Result: [
        { ...record(), id: 800001, best: 2, active_year: true },
        { ...record({ best: 'n/a' }) },
      ],
    }).replace('"id":800001', '"__proto__":{"polluted":1},"id":800001');
    const result = await read(page);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.events).toHaveLength(0);
    expect(result.rejected.map((rejected) => rejected.position.pointer)).toEqual([
      '/Result/0',
      '/Result/1',
    ]);
    expect(result.rejected[0]?.issues[0]).toMatchObject({ code: 'type-error', field: '__proto__' });
    expect(result.rejected[1]?.issues[0]).toMatchObject({ field: 'best', pointer: '/Result/1' });
  });

  test('numbers and booleans read like their CSV cells', async () => {
    const page = JSON.stringify({
      TotalCount: 1,
      TotalPages: 1,
      Result: [{ ...record(), id: 800001, best: 2, latitude: 35.9, active_year: true }],
    });
    const result = await read(page, 5);
    expect(result.events[0]?.id).toBe('ucdp:800001');
    expect(result.events[0]?.location.point).toEqual({ lat: 35.9, lon: 36.6 });
    expect(result.events[0]?.provenance.unmapped?.active_year).toBe('true');
  });

  test('not JSON, or no Result array: an error, no records', async () => {
    for (const text of ['{"TotalCount":', '{"TotalCount":1}']) {
      const result = await read(text);
      expect(result.records).toBe(0);
      expect(result.issues[0]).toMatchObject({ code: 'source-error', severity: 'error' });
    }
  });
});

test('fieldOf names the GED column of an event pointer', () => {
  expect(ucdpFormat.fieldOf('/location/point/lat')).toEqual({ field: 'latitude' });
  expect(ucdpFormat.fieldOf('/actors/1/ids/ucdp')).toEqual({ field: 'side_b_new_id' });
  expect(ucdpFormat.fieldOf('/actors/1/kind')).toEqual({ field: 'side_b' });
  expect(ucdpFormat.fieldOf('/fatalities/breakdown/civilians')).toEqual({
    field: 'deaths_civilians',
  });
  expect(ucdpFormat.fieldOf('/notes')).toBeUndefined();
});
