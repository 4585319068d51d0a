import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { iso1A3Code } from '@rapideditor/country-coder';
import { describe, expect, test } from 'vitest';
import { readAll } from '../../../test/conformance/format-conformance.ts';
import {
  actorKindOf,
  cameoActorKinds,
  fipsCountries,
  fipsToIso3,
  gdeltFormat,
  gdeltLayouts,
  isIso3,
  joinMentions,
} from '../src/index.ts';
import { iso3CodeList } from '../src/iso3-codes.ts';
import { fightValues, gdeltRow } from './gdelt-rows.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const read = (text: string, options: object = {}, chunkSize = 4096) =>
  readAll(gdeltFormat, encode(text), chunkSize, options);
const fight = (overrides: Record<string, string> = {}) =>
  gdeltRow('gdelt-2.0-61', { ...fightValues('gdelt-2.0-61'), ...overrides });
const golden = (name: string) =>
  readFileSync(fileURLToPath(new URL(`./in/${name}`, import.meta.url)), 'utf8');

describe('layouts', () => {
  test('the published field counts: 57, 58 and 61', () => {
    expect(gdeltLayouts.map((info) => [info.layout, info.fields.length])).toEqual([
      ['gdelt-1.0-57', 57],
      ['gdelt-1.0-58', 58],
      ['gdelt-2.0-61', 61],
    ]);
    const v2 = gdeltLayouts[2]?.fields ?? [];
    expect(v2.indexOf('ActionGeo_ADM2Code')).toBe(55);
    expect(v2.at(-2)).toBe('DATEADDED');
    expect(v2.at(-1)).toBe('SOURCEURL');
    expect(gdeltLayouts[0]?.fields.at(-1)).toBe('DATEADDED');
  });

  test.each(gdeltLayouts.map((info) => info.layout))(
    '%s is detected from the first row',
    async (layout) => {
      const text = `${gdeltRow(layout, fightValues(layout))}\n`;
      expect(gdeltFormat.sniff(encode(text))).toBe(true);
      const { events } = await read(text);
      expect(events[0]?.provenance.layout).toBe(layout);
      expect(events[0]?.provenance.datasetVersion).toBe(
        layout.startsWith('gdelt-2') ? '2.0' : '1.0',
      );
    },
  );

  test('DATEADDED: 2.0 to the second, 1.0 the day at midnight UTC', async () => {
    const v2 = await read(fight());
    expect(v2.events[0]?.provenance.modified).toBe('2016-08-01T15:15:00Z');
    const v1 = await read(gdeltRow('gdelt-1.0-58', fightValues('gdelt-1.0-58')));
    expect(v1.events[0]?.provenance.modified).toBe('2016-08-01T00:00:00Z');
  });

  test('a first row of another width is rejected; the layout comes from the next', async () => {
    const text = [
      '1\t20160801\tshort',
      fight(),
      gdeltRow('gdelt-1.0-58', fightValues('gdelt-1.0-58')),
    ].join('\n');
    const result = await read(text);
    expect(result.records).toBe(3);
    expect(result.events.map((event) => event.provenance.layout)).toEqual(['gdelt-2.0-61']);
    expect(result.rejected.map((reject) => reject.issues[0]?.code)).toEqual([
      'missing-cell',
      'missing-cell',
    ]);
    expect(result.rejected[1]?.issues[0]).toMatchObject({ row: 3, line: 3, fieldNumber: 59 });
  });

  test('sniffing wants an id, an 8-digit date and a GDELT width', () => {
    expect(gdeltFormat.sniff(encode('id,date_start\n1,2016-08-01\n'))).toBe(false);
    expect(gdeltFormat.sniff(encode(fight({ SQLDATE: '2016-08-01' })))).toBe(false);
    expect(gdeltFormat.sniff(encode(fight({ GLOBALEVENTID: 'x1' })))).toBe(false);
    expect(gdeltFormat.sniff(encode(`\uFEFF${fight()}\r\n`))).toBe(true);
  });
});

describe('FIPS 10-4 to ISO 3166-1 alpha-3', () => {
  test('known pairs', () => {
    const pairs: Record<string, string> = {
      SY: 'SYR',
      RS: 'RUS',
      UP: 'UKR',
      IZ: 'IRQ',
      AF: 'AFG',
      PK: 'PAK',
      NI: 'NGA',
      SU: 'SDN',
      OD: 'SSD',
      US: 'USA',
      UK: 'GBR',
      GM: 'DEU',
      FR: 'FRA',
      CH: 'CHN',
      IS: 'ISR',
      GZ: 'PSE',
      WE: 'PSE',
      TU: 'TUR',
      LE: 'LBN',
      IR: 'IRN',
      SF: 'ZAF',
      SP: 'ESP',
      SZ: 'CHE',
      SW: 'SWE',
      BM: 'MMR',
      KN: 'PRK',
      KS: 'KOR',
      RP: 'PHL',
      CG: 'COD',
      CF: 'COG',
      MU: 'OMN',
      YM: 'YEM',
      LY: 'LBY',
      SO: 'SOM',
      EZ: 'CZE',
      BK: 'BIH',
      RI: 'SRB',
      MJ: 'MNE',
      KV: 'XKX',
      AS: 'AUS',
    };
    for (const [fips, iso3] of Object.entries(pairs))
      expect([fips, fipsToIso3(fips)]).toEqual([fips, iso3]);
  });

  test('the whole table: every target is ISO, "none" for oceans, or null', () => {
    expect(Object.keys(fipsCountries).length).toBeGreaterThanOrEqual(250);
    for (const [fips, { iso3 }] of Object.entries(fipsCountries)) {
      expect(fips).toMatch(/^[A-Z]{2}$/);
      if (iso3 !== null && iso3 !== 'none') expect([fips, isIso3(iso3)]).toEqual([fips, true]);
    }
    expect(['OS', 'XO', 'XQ', 'ZH', 'ZN'].map(fipsToIso3)).toEqual(Array(5).fill('none'));
    expect(fipsToIso3('PG')).toBeNull();
    expect(fipsToIso3('QQ')).toBeUndefined();
    expect(fipsToIso3('toString')).toBeUndefined();
  });

  test('the ISO list holds the 249 assigned codes and XKX, as the offline country lookup knows them', () => {
    expect(iso3CodeList).toHaveLength(250);
    for (const code of iso3CodeList)
      if (code !== 'XKX') expect([code, iso1A3Code(code)]).toEqual([code, code]);
    expect(isIso3('AFR')).toBe(false);
  });

  test('the event keeps the raw FIPS code; an unknown code is a warning, not a reject', async () => {
    const known = await read(fight({ ActionGeo_CountryCode: 'UP' }));
    expect(known.events[0]?.location.country).toBe('UKR');
    expect(known.events[0]?.provenance.unmapped?.ActionGeo_CountryCode).toBe('UP');
    const ocean = await read(fight({ ActionGeo_CountryCode: 'ZN' }));
    expect(ocean.events[0]?.location.country).toBe('none');
    const unknown = await read(fight({ ActionGeo_CountryCode: 'QQ' }));
    expect(unknown.events[0]?.location.country).toBeUndefined();
    expect(unknown.issues).toMatchObject([
      {
        code: 'constraint-error',
        severity: 'warning',
        field: 'ActionGeo_CountryCode',
        fieldNumber: 54,
        row: 1,
      },
    ]);
  });
});

describe('actors', () => {
  test('CAMEO role codes to actor kinds', () => {
    expect(['GOV', 'MIL', 'COP', 'JUD', 'SPY'].map(actorKindOf)).toEqual(
      Array(5).fill('state-forces'),
    );
    expect(['REB', 'INS', 'SEP'].map(actorKindOf)).toEqual(Array(3).fill('rebel-group'));
    expect(actorKindOf('UAF')).toBe('political-militia');
    expect(['CVL', 'REF', 'MED'].map(actorKindOf)).toEqual(Array(3).fill('civilians'));
    expect(['LEG', 'OPP', '', undefined].map(actorKindOf)).toEqual(Array(4).fill('unidentified'));
    for (const row of cameoActorKinds) expect(row.cite.codebook).toBe('cameo');
  });

  test('a named actor of unknown kind is not flagged unidentified', async () => {
    const { events } = await read(fight({ Actor1Code: 'SYR', Actor1Type1Code: '' }));
    expect(events[0]?.actors[0]).toEqual({
      name: 'SYRIA',
      side: 'a',
      role: 'primary',
      kind: 'unidentified',
      country: 'SYR',
      ids: { cameo: 'SYR' },
    });
  });

  test('only actors with a code or a name; the code names an actor without a name', async () => {
    const { events } = await read(
      fight({
        Actor1Code: '',
        Actor1Name: '',
        Actor1CountryCode: 'SYR',
        Actor2Name: '',
        Actor2Code: 'REB',
      }),
    );
    expect(events[0]?.actors).toEqual([
      {
        name: 'REB',
        side: 'b',
        role: 'primary',
        kind: 'rebel-group',
        country: 'SYR',
        ids: { cameo: 'REB' },
      },
    ]);
    expect(events[0]?.provenance.unmapped).toMatchObject({
      Actor1CountryCode: 'SYR',
      Actor1Type1Code: 'MIL',
    });
  });

  test('a regional country code is kept verbatim, not as the country', async () => {
    const { events } = await read(fight({ Actor2CountryCode: 'AFR' }));
    expect(events[0]?.actors[1]?.country).toBeUndefined();
    expect(events[0]?.provenance.unmapped?.Actor2CountryCode).toBe('AFR');
  });
});

describe('event codes, sources and empty cells', () => {
  test('codes stay strings with leading zeros; non-conflict roots get no category', async () => {
    const { events } = await read(
      fight({ EventCode: '0231', EventBaseCode: '023', EventRootCode: '02', QuadClass: '1' }),
    );
    expect(events[0]?.type).toEqual({
      cameo: expect.objectContaining({
        eventCode: '0231',
        baseCode: '023',
        rootCode: '02',
        quadClass: 1,
      }),
    });
  });

  test('an ambiguous conflict code leaves the category to the analyst', async () => {
    const { events } = await read(fight({ EventCode: '190', EventBaseCode: '190' }));
    expect(events[0]?.type.category).toBeUndefined();
    expect(events[0]?.type.cameo?.eventCode).toBe('190');
  });

  test('SOURCEURL: a URL becomes a source, other text stays verbatim', async () => {
    const { events } = await read(
      [fight(), fight({ GLOBALEVENTID: '2', SOURCEURL: 'BBC Monitoring' })].join('\n'),
    );
    expect(events[0]?.sources).toEqual([
      {
        name: 'news.example.org',
        kind: 'news-media',
        url: 'https://news.example.org/syria/aleppo-fighting',
      },
    ]);
    expect(events[1]?.sources).toEqual([]);
    expect(events[1]?.provenance.unmapped?.SOURCEURL).toBe('BBC Monitoring');
  });

  test('ActionGeo_Type 0 and empty: precision unknown', async () => {
    const empty = {
      ActionGeo_FullName: '',
      ActionGeo_CountryCode: '',
      ActionGeo_ADM1Code: '',
      ActionGeo_ADM2Code: '',
      ActionGeo_Lat: '',
      ActionGeo_Long: '',
      ActionGeo_FeatureID: '',
    };
    const { events } = await read(
      [fight({ ...empty, ActionGeo_Type: '0' }), fight({ ...empty, ActionGeo_Type: '' })].join(
        '\n',
      ),
    );
    expect(events.map((event) => event.location)).toEqual([
      { precision: 'unknown', sourcePrecision: { scheme: 'gdelt-geo-type', code: 0 } },
      { precision: 'unknown' },
    ]);
  });

  test('a US state (type 2) is admin1 precision', async () => {
    const { events } = await read(
      fight({ ActionGeo_Type: '2', ActionGeo_CountryCode: 'US', ActionGeo_ADM1Code: 'USTX' }),
    );
    expect(events[0]?.location).toMatchObject({
      precision: 'admin1',
      country: 'USA',
      admin1Code: 'USTX',
    });
  });

  test('no empty string anywhere in an event', async () => {
    const { events } = await read(golden('gdelt2-61.tsv'));
    const text = JSON.stringify(events);
    expect(text).not.toContain('""');
  });
});

describe('conflictOnly', () => {
  test('non-conflict rows are rejected as filtered-out, and the accounting holds', async () => {
    const text = golden('gdelt2-61.tsv');
    const all = await read(text);
    const conflict = await read(text, { conflictOnly: true });
    expect(conflict.records).toBe(all.records);
    expect(conflict.records).toBe(conflict.events.length + conflict.rejected.length);
    expect(conflict.events.map((event) => event.type.cameo?.rootCode)).toEqual([
      '19',
      '14',
      '18',
      '19',
    ]);
    const filtered = conflict.rejected.filter(
      (reject) => reject.issues[0]?.code === 'filtered-out',
    );
    expect(filtered).toHaveLength(3);
    expect(filtered[0]?.issues).toEqual([
      {
        code: 'filtered-out',
        severity: 'info',
        message: 'not a conflict event (CAMEO root 04); filtered by conflictOnly',
        field: 'EventRootCode',
        row: 2,
        line: 2,
        byteOffset: expect.any(Number),
      },
    ]);
  });
});

describe('positioned issues', () => {
  test('a non-number is a type-error naming the field, row and line', async () => {
    const text = [
      fight(),
      fight({ GLOBALEVENTID: '2', GoldsteinScale: 'high' }),
      fight({ GLOBALEVENTID: 'x3', SQLDATE: '20160231' }),
    ].join('\n');
    const { rejected, events } = await read(text, { file: 'events.tsv' });
    expect(events).toHaveLength(1);
    expect(rejected[0]?.issues).toEqual([
      {
        code: 'type-error',
        severity: 'error',
        message: 'GoldsteinScale "high" is not a number',
        field: 'GoldsteinScale',
        fieldNumber: 31,
        value: 'high',
        file: 'events.tsv',
        row: 2,
        line: 2,
        byteOffset: expect.any(Number),
      },
    ]);
    expect(rejected[1]?.issues.map((issue) => [issue.field, issue.row, issue.code])).toEqual([
      ['GLOBALEVENTID', 3, 'type-error'],
      ['SQLDATE', 3, 'type-error'],
    ]);
  });

  test('a value out of the model’s range is reported against the GDELT field', async () => {
    const { rejected } = await read(fight({ QuadClass: '7' }));
    expect(rejected[0]?.issues[0]).toMatchObject({
      field: 'QuadClass',
      fieldNumber: 30,
      row: 1,
      line: 1,
    });
  });

  test('fieldOf maps event pointers to GDELT field names', () => {
    expect(gdeltFormat.fieldOf('/type/cameo/goldstein')).toEqual({ field: 'GoldsteinScale' });
    expect(gdeltFormat.fieldOf('/location/point/lat')).toEqual({ field: 'ActionGeo_Lat' });
    expect(gdeltFormat.fieldOf('/date/start')).toEqual({ field: 'SQLDATE' });
    expect(gdeltFormat.fieldOf('/actors/1/name')).toEqual({ field: 'Actor2Name' });
    expect(gdeltFormat.fieldOf('/sources/0/url')).toEqual({ field: 'SOURCEURL' });
    expect(gdeltFormat.fieldOf('/notes')).toBeUndefined();
  });
});

describe('reading is independent of chunking and line ends', () => {
  test.each(['gdelt2-61.tsv', 'gdelt1-58.tsv', 'gdelt1-57.tsv'])(
    '%s in 7-byte chunks',
    async (name) => {
      const text = golden(name);
      expect(await read(text, {}, 7)).toEqual(await read(text));
    },
  );

  test('CRLF line ends give the same events and raw rows without CR', async () => {
    const text = golden('gdelt2-61.tsv');
    const lf = await read(text);
    const crlf = await read(text.replaceAll('\n', '\r\n'), {}, 7);
    expect(crlf.events).toEqual(lf.events);
    expect(crlf.rejected.map((reject) => reject.raw)).toEqual(
      lf.rejected.map((reject) => reject.raw),
    );
    expect(crlf.rejected[0]?.position.line).toBe(7);
  });

  test('blank lines are skipped with a warning and do not count as records', async () => {
    const result = await read(`${fight()}\n\n${fight({ GLOBALEVENTID: '2' })}\n`);
    expect(result.records).toBe(2);
    expect(result.issues).toMatchObject([{ code: 'blank-row', row: 2, line: 2 }]);
  });
});

describe('joinMentions', () => {
  async function* bytesOf(text: string) {
    yield encode(text);
  }

  test('adds each mention as a source of its event, once', async () => {
    const mention = (id: string, type: string, name: string, identifier: string) =>
      [
        id,
        '20160801151500',
        '20160801151500',
        type,
        name,
        identifier,
        '1',
        '-1',
        '-1',
        '10',
        '1',
        '100',
        '2000',
        '-3.5',
        '',
        '',
      ].join('\t');
    const mentions = [
      mention('900000001', '1', 'example.org', 'https://example.org/a'),
      mention('900000001', '1', 'example.org', 'https://example.org/a'),
      mention(
        '900000001',
        '1',
        'news.example.org',
        'https://news.example.org/syria/aleppo-fighting',
      ),
      mention('900000001', '2', 'BBC Monitoring', 'BBC Monitoring'),
      mention('900000002', '1', 'example.com', 'https://example.com/b'),
      'not a mention',
    ].join('\n');
    const events = [];
    const issues = [];
    const batches = gdeltFormat.read(bytesOf(fight()));
    for await (const batch of joinMentions(batches, bytesOf(mentions))) {
      events.push(...batch.events);
      issues.push(...batch.issues);
      expect(batch.records).toBe(batch.events.length + batch.rejected.length);
    }
    expect(events[0]?.sources).toEqual([
      {
        name: 'news.example.org',
        kind: 'news-media',
        url: 'https://news.example.org/syria/aleppo-fighting',
      },
      { name: 'example.org', kind: 'news-media', url: 'https://example.org/a' },
      { name: 'BBC Monitoring', kind: 'news-media' },
    ]);
    expect(issues).toMatchObject([{ code: 'source-error', severity: 'warning', row: 6, line: 6 }]);
  });
});
