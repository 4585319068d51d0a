import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Batch } from '@conflict-events/io';
import { type ConflictEvent, matchEventShape } from '@conflict-events/schema';
import { describe, expect, test } from 'vitest';
import { readAll, writeAll } from '../../../test/conformance/format-conformance.ts';
import {
  acled2016ApiColumns,
  acled2019Columns,
  acled2023Columns,
  acledFormat,
  acledLegacyColumns,
  alpha3FromIsoNumeric,
  applyDeletions,
  isoNumericCodes,
  isoNumericFromAlpha3,
  keepNewestVersions,
  readDeletedEvents,
  reviewEventTypeTag,
  upsertEvents,
} from '../src/index.ts';
import { type AcledRecord, mapAcledRecord } from '../src/map-acled-record.ts';
import { parseAcledDate } from '../src/parse-acled-values.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const inDirectory = fileURLToPath(new URL('./in/', import.meta.url));
const fixture = (name: string) => readFileSync(`${inDirectory}${name}`);

/** A synthetic 2023-layout row; `changes` replaces cells by column. */
function row(changes: Record<string, string> = {}): Record<string, string> {
  return {
    event_id_cnty: 'SYR900901',
    event_date: '2023-03-14',
    year: '2023',
    time_precision: '1',
    disorder_type: 'Political violence',
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actor1: 'Northern Front',
    assoc_actor_1: '',
    inter1: '2',
    actor2: 'Valley Brigades',
    assoc_actor_2: '',
    inter2: '3',
    interaction: '23',
    civilian_targeting: '',
    iso: '760',
    region: 'Middle East',
    country: 'Syria',
    admin1: 'Idlib',
    admin2: '',
    admin3: '',
    location: 'Test Town',
    latitude: '35.8',
    longitude: '36.6',
    geo_precision: '1',
    source: 'Example Daily',
    source_scale: 'National',
    notes: 'Clashes.',
    fatalities: '3',
    tags: '',
    timestamp: '1700000000',
    ...changes,
  };
}

function csv(columns: readonly string[], rows: Record<string, string>[]): string {
  const quote = (cell: string) =>
    /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  const lines = rows.map((cells) => columns.map((column) => quote(cells[column] ?? '')).join(','));
  return `${[columns.join(','), ...lines].join('\n')}\n`;
}

async function readOne(changes: Record<string, string>, options: object = {}) {
  const result = await readAll(
    acledFormat,
    encode(csv(acled2023Columns, [row(changes)])),
    4096,
    options,
  );
  return { result, event: result.events[0] };
}

describe('layout detection', () => {
  test.each([
    ['acled-2023-layout.csv', 'acled-2023'],
    ['acled-2019-layout.csv', 'acled-2019'],
    ['acled-2016-api-layout.csv', 'acled-2016-api'],
    ['acled-legacy-layout.csv', 'acled-legacy'],
    ['acled-api-page.json', 'acled-api-json'],
  ])('%s is read as %s and sniffed', async (name, layout) => {
    const bytes = fixture(name);
    expect(acledFormat.sniff(bytes.subarray(0, 4096))).toBe(true);
    const result = await readAll(acledFormat, bytes);
    expect(result.events.length).toBeGreaterThan(0);
    for (const event of result.events) expect(event.provenance.layout).toBe(layout);
  });

  test('header labels in any case, with a BOM', async () => {
    const text = `\uFEFF${csv(acled2023Columns, [row()]).replace('event_id_cnty,event_date', 'EVENT_ID_CNTY,Event_Date')}`;
    const result = await readAll(acledFormat, encode(text));
    expect(result.events.map((event) => event.id)).toEqual(['acled:SYR900901']);
  });

  test('the layouts have the published widths', () => {
    expect(acled2023Columns).toHaveLength(31);
    expect(acled2019Columns).toHaveLength(31);
    expect(acled2016ApiColumns).toHaveLength(26);
    expect(acledLegacyColumns).toHaveLength(25);
  });

  test('other CSV and JSON are not sniffed as ACLED', () => {
    expect(acledFormat.sniff(encode('id,date_start,type_of_violence\n1,2,3\n'))).toBe(false);
    expect(acledFormat.sniff(encode('{"events":[]}'))).toBe(false);
  });
});

describe('mapping', () => {
  test('numeric and text inter codes give the same actor kinds', async () => {
    const numeric = (await readOne({})).event;
    const text = (
      await readOne({
        inter1: 'Rebel group',
        inter2: 'Political militia',
        interaction: 'Rebel group-Political militia',
      })
    ).event;
    expect(numeric?.actors.map((actor) => actor.kind)).toEqual([
      'rebel-group',
      'political-militia',
    ]);
    expect(text?.actors.map((actor) => actor.kind)).toEqual(['rebel-group', 'political-militia']);
    expect(text?.type.acled?.interaction).toBe('Rebel group-Political militia');
  });

  test('an unknown inter label is a warning, and the side stays unidentified', async () => {
    const { result, event } = await readOne({ inter1: 'Pirates' });
    expect(event?.actors[0]?.kind).toBe('unidentified');
    expect(result.issues.map((issue) => [issue.code, issue.field])).toContainEqual([
      'unknown-code',
      'inter1',
    ]);
  });

  test('associated actors share their side’s kind; an empty actor2 gives no side b', async () => {
    const { event } = await readOne({
      assoc_actor_1: 'A; B ;',
      actor2: '',
      inter2: '0',
      interaction: '20',
    });
    expect(event?.actors).toEqual([
      { name: 'Northern Front', side: 'a', role: 'primary', kind: 'rebel-group' },
      { name: 'A', side: 'a', role: 'associated', kind: 'rebel-group' },
      { name: 'B', side: 'a', role: 'associated', kind: 'rebel-group' },
    ]);
  });

  test('time precision 2 spans three days either side, 3 the calendar month', async () => {
    expect(
      (await readOne({ time_precision: '2', event_date: '2023-03-01' })).event?.date,
    ).toMatchObject({
      start: '2023-02-26',
      end: '2023-03-04',
      precision: 'week',
    });
    expect(
      (await readOne({ time_precision: '3', event_date: '2024-02-15' })).event?.date,
    ).toMatchObject({
      start: '2024-02-01',
      end: '2024-02-29',
      precision: 'month',
    });
  });

  test('fatalities 0 is unknown by default, a reported zero with zeroFatalities "none"', async () => {
    const unknown = (await readOne({ fatalities: '0' })).event;
    expect(unknown?.fatalities).toEqual({ known: false });
    expect(unknown?.provenance.unmapped?.fatalities).toBe('0');
    const none = (await readOne({ fatalities: '0' }, { zeroFatalities: 'none' })).event;
    expect(none?.fatalities).toEqual({ known: true, best: 0 });
    expect((await readOne({ fatalities: '12' })).event?.fatalities).toEqual({
      known: true,
      best: 12,
    });
  });

  test('numbers printed other than as JavaScript prints them are kept for write-back', async () => {
    const printed = (await readOne({ latitude: '35.8100', longitude: '36.6', timestamp: '0042' }))
      .event;
    expect(printed?.location.point).toEqual({ lat: 35.81, lon: 36.6 });
    expect(printed?.provenance.unmapped).toMatchObject({ latitude: '35.8100', timestamp: '0042' });
    expect(printed?.provenance.unmapped).not.toHaveProperty('longitude');
    const plain = (await readOne({ latitude: '-0.000001', longitude: '0.0000001' })).event;
    // JavaScript prints 1e-7 with an exponent, so that cell is kept as printed.
    expect(plain?.provenance.unmapped).not.toHaveProperty('latitude');
    expect(plain?.provenance.unmapped?.longitude).toBe('0.0000001');
  });

  test('a column labelled "__proto__" rejects its rows with the position; nothing is polluted', async () => {
    const columns = [...acled2023Columns, 'constructor', '__proto__'];
    // Spread copies JSON's own "__proto__" key as a key; a literal `__proto__:` would not.
    const extra = (proto: string) => JSON.parse(`{"constructor": "y", "__proto__": "${proto}"}`);
    const text = csv(columns, [
      { ...row(), ...extra('x') },
      { ...row(), ...extra('') },
    ]);
    const { events, rejected } = await readAll(acledFormat, encode(text), 4096);
    expect(rejected.map((reject) => [reject.position.row, reject.issues[0]?.pointer])).toEqual([
      [2, '/provenance/unmapped/__proto__'],
    ]);
    // An empty cell is no key: the row's other extra column is kept as an own key.
    const unmapped = events[0]?.provenance.unmapped ?? {};
    expect(Object.getPrototypeOf(unmapped)).toBe(Object.prototype);
    expect(Object.keys(unmapped).at(-1)).toBe('constructor');
    expect(unmapped.constructor).toBe('y');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test('a bad number or date rejects the row with its position and column', async () => {
    for (const [column, value] of [
      ['latitude', 'abc'],
      ['fatalities', '-1'],
      ['event_date', '2023-02-30'],
      ['timestamp', 'soon'],
      ['geo_precision', '4'],
    ] as const) {
      const { result } = await readOne({ [column]: value });
      expect(result.events).toEqual([]);
      const issue = result.rejected[0]?.issues[0];
      expect(issue).toMatchObject({ row: 2, line: 2, field: column });
      expect(issue?.fieldNumber).toBe(acled2023Columns.indexOf(column) + 1);
    }
  });

  test('Riots/Protests is resolved by inter1 only; otherwise left for review', async () => {
    const result = await readAll(acledFormat, fixture('acled-legacy-layout.csv'));
    const byId = new Map(result.events.map((event) => [event.provenance.recordId, event]));
    expect(byId.get('NGA900201')?.type.category).toBe('protests');
    expect(byId.get('NGA900203')?.type.category).toBe('riots');
    expect(byId.get('NGA900202')?.type.category).toBeUndefined();
    expect(byId.get('NGA900202')?.tags).toEqual([reviewEventTypeTag]);
    expect(byId.get('NGA900201')?.date.start).toBe('2016-08-01');
    expect(byId.get('NGA900203')?.date.start).toBe('2016-08-03');
    expect(result.rejected.map((reject) => reject.issues[0]?.field)).toEqual([
      'EVENT_DATE'.toLowerCase(),
    ]);
  });

  test('the API JSON positions records by pointer', async () => {
    const result = await readAll(acledFormat, fixture('acled-api-page.json'));
    expect(result.events.map((event) => event.location.country)).toEqual(['SYR', 'AFG']);
    expect(result.rejected[0]?.issues[0]).toMatchObject({ pointer: '/data/2', field: 'latitude' });
  });
});

describe('the mapped candidate', () => {
  /** Every object and array in the value, depth first. */
  function containers(value: unknown, into: object[] = []): object[] {
    if (typeof value !== 'object' || value === null) return into;
    into.push(value);
    for (const child of Object.values(value)) containers(child, into);
    return into;
  }

  test("has every key in the schema's order, so the shape check copies nothing", () => {
    const record = (cells: Record<string, string>): AcledRecord => ({
      cell: (column) => cells[column] ?? '',
      fieldNumber: () => undefined,
      extra: [['source_url', 'https://example.org/a']],
    });
    const variants = [
      {},
      { civilian_targeting: 'Civilian targeting', tags: 'crowd size=no report', fatalities: '0' },
      { latitude: '35.8000', timestamp: '0001700000000', assoc_actor_1: 'Volunteer Guard' },
    ];
    for (const changes of variants) {
      for (const version of [undefined, '2026-11']) {
        const { candidate } = mapAcledRecord(record(row(changes)), {
          layout: 'acled-2023',
          zeroFatalities: 'unknown',
          restoreFormulas: true,
          ...(version === undefined ? {} : { version }),
        });
        const matched = matchEventShape(candidate);
        expect(matched).toBe(candidate);
        // Not only the root: the check copies any object whose keys are out of order.
        const before = containers(candidate);
        const after = containers(matched);
        expect(after).toHaveLength(before.length);
        for (const [index, object] of after.entries()) expect(object).toBe(before[index]);
      }
    }
  });
});

describe('values', () => {
  test.each([
    ['2016-08-01', '2016-08-01'],
    ['01 August 2016', '2016-08-01'],
    ['01-August-2016', '2016-08-01'],
    ['1-Aug-2016', '2016-08-01'],
    ['01/08/2016', '2016-08-01'],
    ['31/02/2016', undefined],
    ['August 1, 2016', undefined],
  ])('event_date %s', (text, date) => {
    expect(parseAcledDate(text)).toBe(date);
  });

  test('the ISO 3166-1 numeric table', () => {
    expect(isoNumericCodes).toHaveLength(249);
    const pairs = [
      [760, 'SYR'],
      [643, 'RUS'],
      [804, 'UKR'],
      [566, 'NGA'],
      [484, 'MEX'],
      [887, 'YEM'],
      [729, 'SDN'],
      [104, 'MMR'],
      [4, 'AFG'],
      [368, 'IRQ'],
      [586, 'PAK'],
      [275, 'PSE'],
    ] as const;
    for (const [numeric, alpha3] of pairs) {
      expect(alpha3FromIsoNumeric(numeric)).toBe(alpha3);
      expect(isoNumericFromAlpha3(alpha3)).toBe(numeric);
    }
    expect(alpha3FromIsoNumeric(999)).toBeUndefined();
  });
});

describe('writing', () => {
  test('text cells are neutralised by default, numbers never; the reader restores them', async () => {
    const { event } = await readOne({ notes: '=cmd', actor1: '@risk', latitude: '-12.5' });
    if (!event) throw new Error('no event');
    const text = decode(await writeAll(acledFormat, [event]));
    expect(text).toContain(",'@risk,");
    expect(text).toContain(",'=cmd,");
    expect(text).toContain(',-12.5,');
    const back = await readAll(acledFormat, encode(text));
    expect(back.events[0]?.notes).toBe('=cmd');
    expect(decode(await writeAll(acledFormat, [event], { neutraliseFormulas: false }))).toContain(
      ',=cmd,',
    );
  });

  test('an event from elsewhere is written with derived codes', async () => {
    const event: ConflictEvent = {
      id: 'manual:1',
      date: { start: '2016-08-01', end: '2016-08-07', precision: 'week' },
      location: { country: 'SYR', point: { lat: 1e-7, lon: 36 }, precision: 'near' },
      type: { category: 'battles', subType: 'armed-clash', disorder: ['political-violence'] },
      actors: [
        { name: 'Northern Front', side: 'a', role: 'primary', kind: 'rebel-group' },
        { name: 'Military Forces of Testland', side: 'b', role: 'primary', kind: 'state-forces' },
      ],
      fatalities: { known: true, best: 4, low: 4, high: 6 },
      sources: [{ name: 'Example Daily', kind: 'news-agency' }],
      provenance: { dataset: 'manual', modified: '2024-01-01T00:00:00Z' },
    };
    const line = decode(await writeAll(acledFormat, [event])).split('\n')[1];
    expect(line).toBe(
      'manual:1,2016-08-04,2016,2,Political violence,Battles,Armed clash,Northern Front,,2,Military Forces of Testland,,1,12,,760,,,,,,,0.0000001,36,2,Example Daily,,,4,,1704067200',
    );
  });
});

describe('accounting and chunking', () => {
  test.each([
    'acled-2023-layout.csv',
    'acled-2019-layout.csv',
    'acled-legacy-layout.csv',
    'acled-api-page.json',
  ])('%s: records = events + rejected, the same at 7-byte chunks', async (name) => {
    const whole = await readAll(acledFormat, fixture(name), 1 << 20);
    const small = await readAll(acledFormat, fixture(name), 7);
    expect(whole.records).toBe(whole.events.length + whole.rejected.length);
    expect(small).toEqual(whole);
  });
});

describe('the living dataset', () => {
  async function collect<T>(events: AsyncIterable<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const event of events) out.push(event);
    return out;
  }
  async function fixtureEvents() {
    return (await readAll(acledFormat, fixture('acled-2023-layout.csv'))).events;
  }

  test('deletions apply at or after the event’s timestamp', async () => {
    const events = await fixtureEvents();
    const bytes = encode(
      'event_id_cnty,deleted_timestamp\nSYR900001,1700000001\nSYR900002,1600000000\nNGA900003,1800000000\nXXX,1\n,5\n',
    );
    const { deleted, invalid } = await readDeletedEvents(
      (async function* () {
        yield bytes;
      })(),
    );
    expect(invalid).toEqual([{ line: 6, raw: ',5' }]);
    const result = applyDeletions(events, deleted);
    const kept = await collect(result.events);
    expect(result.removed).toBe(2);
    expect(kept.map((event) => event.provenance.recordId)).toEqual([
      'SYR900002',
      'MEX900004',
      'YEM900006',
    ]);
  });

  test('upsert: the later timestamp wins, new events follow', async () => {
    const events = await fixtureEvents();
    const [first, second] = events;
    if (!first || !second) throw new Error('fixture too short');
    const newerFirst = {
      ...first,
      notes: 'revised',
      provenance: { ...first.provenance, modified: '2030-01-01T00:00:00.000Z' },
    };
    const olderSecond = {
      ...second,
      notes: 'stale',
      provenance: { ...second.provenance, modified: '2000-01-01T00:00:00.000Z' },
    };
    const added = {
      ...first,
      id: 'acled:SYR900999',
      provenance: { ...first.provenance, recordId: 'SYR900999' },
    };
    const merged = await collect(upsertEvents(events, [newerFirst, olderSecond, added]));
    expect(merged.map((event) => event.provenance.recordId)).toEqual([
      'SYR900001',
      'SYR900002',
      'NGA900003',
      'MEX900004',
      'YEM900006',
      'SYR900999',
    ]);
    expect(merged[0]?.notes).toBe('revised');
    expect(merged[1]?.notes).toBe(second.notes);
  });

  test('keepNewestVersions: the first version seen wins, the others are reported rejects', async () => {
    const events = await fixtureEvents();
    const [first, second] = events;
    if (!first || !second) throw new Error('fixture too short');
    const batchOf = (list: typeof events, row: number): Batch => ({
      events: list,
      positions: list.map((_, index) => ({ row: row + index })),
      raws: list.map((event) => `raw ${event.provenance.recordId}`),
      rejected: [],
      issues: [],
      records: list.length,
    });
    const newer = { ...first, notes: 'revised' };
    const aheadOfItsTime = {
      ...second,
      provenance: { ...second.provenance, modified: '2099-01-01T00:00:00.000Z' },
    };
    const transform = keepNewestVersions();
    async function* newestDownload() {
      yield batchOf([newer], 2);
    }
    async function* olderDownload() {
      yield batchOf(events, 2);
    }
    async function* oldestDownload() {
      yield batchOf([aheadOfItsTime], 2);
    }
    const [fromNewest] = await collect(transform(newestDownload()));
    const [fromOlder] = await collect(transform(olderDownload()));
    const [fromOldest] = await collect(transform(oldestDownload()));
    expect(fromNewest?.events).toEqual([newer]);
    expect(fromOlder?.events.map((event) => event.provenance.recordId)).toEqual(
      events.slice(1).map((event) => event.provenance.recordId),
    );
    expect(fromOlder?.records).toBe(events.length);
    expect(fromOlder?.rejected).toEqual([
      {
        position: { row: 2 },
        raw: `raw ${first.provenance.recordId}`,
        issues: [expect.objectContaining({ code: 'superseded', severity: 'info' })],
      },
    ]);
    expect(fromOlder?.positions).toEqual(events.slice(1).map((_, index) => ({ row: 3 + index })));
    // A version newer by its own timestamp than the one kept: the inputs were out of order.
    expect(fromOldest?.rejected[0]?.issues[0]).toMatchObject({
      code: 'superseded',
      severity: 'warning',
    });
  });
});
