// Non-TypeScript users validate with the published JSON Schema, and readers use the schema
// compiled into a plain check (isConflictEventShape); both must give zod's verdicts. Every
// event here goes through all three.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  ConflictEventSchema,
  DatasetSchema,
  isConflictEventShape,
  matchEventShape,
  publishedSchemas,
  toPublishedJsonSchema,
} from '../src/index.ts';
import { arbitraryEvent, sampleEvent } from './arbitraries.ts';

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats.default(ajv);
const schemaOf = (name: string) => {
  const entry = publishedSchemas.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`no published schema ${name}`);
  return toPublishedJsonSchema(entry);
};
const ajvEvent = ajv.compile(schemaOf('conflict-event'));
const ajvDataset = ajv.compile(schemaOf('dataset'));

type Json = Record<string, unknown>;
type Mutation = [name: string, change: (event: Json) => void];

// Walks to the parent of a dotted path ("actors.0.kind") inside a JSON copy of an event.
function parentOf(event: Json, path: string): [Json, string] {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node: Json = event;
  for (const key of keys) node = node[key] as Json;
  return [node, last];
}
const set = (path: string, value: unknown) => (event: Json) => {
  const [node, key] = parentOf(event, path);
  node[key] = value;
};
const remove = (path: string) => (event: Json) => {
  const [node, key] = parentOf(event, path);
  delete node[key];
};

// Each makes the sample event invalid in exactly one way.
const mutations: Mutation[] = [
  ['id missing', remove('id')],
  ['id empty', set('id', '')],
  ['id a number', set('id', 42)],
  ['unknown top-level key', set('fatalites', 3)],
  ['date missing', remove('date')],
  ['date start not ISO', set('date.start', '01/08/2016')],
  ['date start impossible', set('date.start', '2016-02-30')],
  ['date end with time', set('date.end', '2016-08-01T00:00:00Z')],
  ['date 29 Feb of a non-leap year', set('date.start', '2015-02-29')],
  ['date precision unknown', set('date.precision', 'decade')],
  [
    'date source precision code 0',
    set('date.sourcePrecision', { scheme: 'ucdp-date-prec', code: 0 }),
  ],
  [
    'date source precision scheme unknown',
    set('date.sourcePrecision', { scheme: 'gdelt', code: 1 }),
  ],
  ['date extra key', set('date.approx', true)],
  ['location missing precision', remove('location.precision')],
  ['location country lower case', set('location.country', 'syr')],
  ['location country alpha-2', set('location.country', 'SY')],
  ['location country null', set('location.country', null)],
  ['latitude 91', set('location.point.lat', 91)],
  ['longitude -181', set('location.point.lon', -181)],
  ['latitude a string', set('location.point.lat', '36.2')],
  ['point extra key', set('location.point.alt', 300)],
  ['point missing lon', remove('location.point.lon')],
  ['admin1 empty', set('location.admin1', '')],
  ['location precision unknown', set('location.precision', 'exact')],
  [
    'location source precision 8',
    set('location.sourcePrecision', { scheme: 'ucdp-where-prec', code: 8 }),
  ],
  ['category unknown', set('type.category', 'war')],
  ['sub-type unknown', set('type.subType', 'ambush')],
  ['disorder not a list', set('type.disorder', 'political-violence')],
  ['acled coding without event type', set('type.acled', { subEventType: 'Armed clash' })],
  ['ucdp type_of_violence 4', set('type.ucdp', { typeOfViolence: 4 })],
  [
    'cameo code with letters',
    set('type.cameo', { eventCode: '19a', rootCode: '19', quadClass: 4 }),
  ],
  ['cameo root 21', set('type.cameo', { eventCode: '211', rootCode: '21', quadClass: 4 })],
  ['cameo quad class 5', set('type.cameo', { eventCode: '190', rootCode: '19', quadClass: 5 })],
  [
    'goldstein 11',
    set('type.cameo', { eventCode: '190', rootCode: '19', quadClass: 4, goldstein: 11 }),
  ],
  ['plover category unknown', set('type.plover', { category: 'FIGHT' })],
  ['actors not a list', set('actors', {})],
  ['actor side c', set('actors.0.side', 'c')],
  ['actor kind army', set('actors.0.kind', 'army')],
  ['actor role missing', remove('actors.0.role')],
  ['actor unidentified false', set('actors.0.unidentified', false)],
  ['actor wikidata id malformed', set('actors.0.ids', { wikidata: 'X123' })],
  ['actor ucdp id negative', set('actors.0.ids', { ucdp: -1 })],
  ['fatalities missing', remove('fatalities')],
  ['fatalities known missing', remove('fatalities.known')],
  ['fatalities best negative', set('fatalities.best', -1)],
  ['fatalities best fractional', set('fatalities.best', 2.5)],
  ['fatalities best missing', remove('fatalities.best')],
  ['fatalities unknown with best', set('fatalities', { known: false, best: 0 })],
  ['fatalities known as a string', set('fatalities.known', 'true')],
  ['breakdown extra key', set('fatalities.breakdown', { women: 3 })],
  ['source kind unknown', set('sources.0.kind', 'blog')],
  ['source url not a url', set('sources.0.url', 'not a url')],
  ['source published not a date', set('sources.0.published', 'Monday')],
  ['source claim extra key', set('sources.0.claim.dead', 4)],
  ['source claim fatalities without best', set('sources.0.claim.fatalities', { low: 1 })],
  ['civilianTargeting a string', set('civilianTargeting', 'yes')],
  ['notes a number', set('notes', 7)],
  ['tags with an empty tag', set('tags', [''])],
  ['provenance missing', remove('provenance')],
  ['provenance dataset upper case', set('provenance.dataset', 'ACLED')],
  ['provenance modified without offset', set('provenance.modified', '2016-08-01T10:00:00')],
  ['provenance modified a date only', set('provenance.modified', '2016-08-01')],
  ['unmapped value an object', set('provenance.unmapped', { gwno: { a: 1 } })],
  ['unmapped key __proto__', set('provenance.unmapped', JSON.parse('{"__proto__":"x"}'))],
  ['extensions not an object', set('extensions', [])],
  ['event is an array', () => undefined],
];

function mutated([, change]: Mutation, index: number): unknown {
  if (index === mutations.length - 1) return [sampleEvent()];
  const event = structuredClone(sampleEvent()) as unknown as Json;
  change(event);
  return event;
}

// Values that are valid and sit on the edges both validators must agree on.
const edgeCases: Record<string, unknown>[] = [
  { ...sampleEvent(), date: { start: '2016-02-29', end: '2016-02-29', precision: 'day' } },
  { ...sampleEvent(), date: { start: '2000-02-29', end: '2000-02-29', precision: 'day' } },
  { ...sampleEvent(), location: { country: 'none', precision: 'international' } },
  { ...sampleEvent(), location: { precision: 'unknown' } },
  { ...sampleEvent(), location: { precision: 'place', point: { lat: -90, lon: 180 } } },
  { ...sampleEvent(), fatalities: { known: false } },
  { ...sampleEvent(), fatalities: { known: true, best: 0 } },
  { ...sampleEvent(), provenance: { dataset: 'acled', modified: '2023-03-20T12:00:00.123+05:30' } },
  {
    ...sampleEvent(),
    provenance: { dataset: 'acled', unmapped: { constructor: 'y', gwno: 652, empty: null } },
  },
  { ...sampleEvent(), extensions: { anything: { nested: [1, 2, { deep: true }] } } },
  {
    ...sampleEvent(),
    sources: [{ name: 'Web', kind: 'other', url: 'https://example.org/a?b=c#d' }],
  },
  { ...sampleEvent(), actors: [], type: {} },
];

function verdicts(value: unknown) {
  return {
    zod: ConflictEventSchema.safeParse(value).success,
    ajv: ajvEvent(value),
    compiled: isConflictEventShape(value),
  };
}

describe('zod, ajv (on schemas/conflict-event.schema.json) and the compiled check agree', () => {
  test(`on ${mutations.length} invalid events, each invalid in one way`, () => {
    expect(mutations.length).toBeGreaterThanOrEqual(50);
    mutations.forEach((mutation, index) => {
      expect({ case: mutation[0], ...verdicts(mutated(mutation, index)) }).toEqual({
        case: mutation[0],
        zod: false,
        ajv: false,
        compiled: false,
      });
    });
  });

  test('on valid edge cases', () => {
    for (const [index, value] of edgeCases.entries()) {
      expect({ index, ...verdicts(value) }).toEqual({
        index,
        zod: true,
        ajv: true,
        compiled: true,
      });
    }
  });

  test('on 100 generated valid events and their mutations', () => {
    const events = fc.sample(arbitraryEvent, { seed: 20160801, numRuns: 100 });
    for (const event of events) {
      expect(verdicts(event)).toEqual({ zod: true, ajv: true, compiled: true });
    }
    events.forEach((event, index) => {
      const mutation = mutations[index % (mutations.length - 1)] as Mutation;
      const copy = structuredClone({ ...sampleEvent(), ...event }) as unknown as Json;
      try {
        mutation[1](copy);
      } catch {
        return; // the mutation needs a field this event lacks
      }
      const both = verdicts(copy);
      expect({
        case: mutation[0],
        agree: both.zod === both.ajv && both.zod === both.compiled,
      }).toEqual({
        case: mutation[0],
        agree: true,
      });
    });
  });

  test('on datasets', () => {
    const dataset = {
      schemaVersion: '1.0.0',
      title: 'T',
      generatedAt: '2026-01-01T00:00:00Z',
      events: [sampleEvent()],
    };
    expect([DatasetSchema.safeParse(dataset).success, ajvDataset(dataset)]).toEqual([true, true]);
    for (const bad of [
      { ...dataset, schemaVersion: '2.0.0' },
      { ...dataset, generatedAt: 'now' },
      { ...dataset, events: [{}] },
      { ...dataset, extra: 1 },
    ]) {
      expect([DatasetSchema.safeParse(bad).success, ajvDataset(bad)]).toEqual([false, false]);
    }
  });
});

// Every place in an event's JSON tree, as [parent, key] pairs.
function placesIn(node: unknown, places: [Json | unknown[], string | number][] = []) {
  if (Array.isArray(node)) {
    node.forEach((item, index) => {
      places.push([node, index]);
      placesIn(item, places);
    });
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      places.push([node as Json, key]);
      placesIn(value, places);
    }
  }
  return places;
}

// Values near the edges of what the schema accepts, and any JSON value at all.
const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    undefined,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    0.5,
    -1,
    2 ** 53,
    1e21,
    '',
    ' ',
    'none',
    'ABC',
    'abc',
    'ABCD',
    'Q0',
    'Q12',
    '2016-02-30',
    '2016-02-29',
    '2023-03-20T12:00:00Z',
    '2023-03-20T12:00:00',
    'https://example.org/',
    'not a url',
    '0231',
    '21',
    true,
    false,
    null,
    [],
    {},
  ),
);

describe('the compiled check agrees with zod on deep changes', () => {
  test('any field replaced, removed or added, anywhere in generated events', () => {
    fc.assert(
      fc.property(
        arbitraryEvent,
        fc.nat(),
        fc.constantFrom('replace', 'remove', 'add', 'reuse'),
        replacement,
        (event, at, how, value) => {
          const copy = structuredClone(event) as unknown as Json;
          const places = placesIn(copy);
          const [parent, key] = places[at % places.length] as [Json, string];
          if (how === 'replace') parent[key] = value;
          else if (how === 'remove') delete parent[key];
          else if (how === 'add' && !Array.isArray(parent)) parent[`${String(key)}x`] = value;
          else {
            // A value valid somewhere else in the event, moved here (enums across fields).
            const [other, otherKey] = places[(at * 7 + 3) % places.length] as [Json, string];
            parent[key] = structuredClone(other[otherKey]);
          }
          const zod = ConflictEventSchema.safeParse(copy);
          expect({ how, key, compiled: isConflictEventShape(copy) }).toEqual({
            how,
            key,
            compiled: zod.success,
          });
          // What a writer makes of the event is byte for byte what it made of zod's output.
          if (zod.success) {
            expect(JSON.stringify(matchEventShape(copy))).toBe(JSON.stringify(zod.data));
          }
        },
      ),
      { numRuns: 2000, seed: 20160801 },
    );
  });

  test('in any order of checks: a pattern remembers only strings it accepted', () => {
    // The compiled check skips a pattern test for the string the pattern accepted last, so a
    // rejected string checked twice, or after an accepted one, must still be rejected.
    const dates = ['2016-08-01', '2016-02-30', '2015-02-29', '2016-8-1', '2016-02-29', ''];
    const times = ['2016-08-01T10:00:00Z', '2016-08-01T25:00:00Z', '2016-08-01 10:00:00Z'];
    const sample = sampleEvent() as Json;
    const eventWith = ([start, end, modified]: [string, string, string]) => {
      const event = structuredClone(sample);
      Object.assign(event.date as Json, { start, end });
      (event.provenance as Json).modified = modified;
      return event;
    };
    const drawn = fc.tuple(
      fc.constantFrom(...dates),
      fc.constantFrom(...dates),
      fc.constantFrom(...times),
    );
    fc.assert(
      fc.property(fc.array(drawn, { minLength: 1, maxLength: 8 }), (sequence) =>
        sequence.every((parts) => {
          const event = eventWith(parts);
          return isConflictEventShape(event) === ConflictEventSchema.safeParse(event).success;
        }),
      ),
      { numRuns: 300 },
    );
  });

  test('keys come back in the schema order, copied only where they were not', () => {
    const reversed = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(reversed);
      if (node === null || typeof node !== 'object') return node;
      return Object.fromEntries(
        Object.entries(node)
          .reverse()
          .map(([key, value]) => [key, reversed(value)]),
      );
    };
    for (const event of fc.sample(arbitraryEvent, { seed: 20160801, numRuns: 200 })) {
      const canonical = ConflictEventSchema.parse(event);
      const inOrder = structuredClone(canonical);
      expect(matchEventShape(inOrder)).toBe(inOrder);
      const shuffled = reversed(canonical);
      const before = JSON.stringify(shuffled);
      // Record keys (unmapped, extensions) keep their own order, as zod keeps them.
      expect(JSON.stringify(matchEventShape(shuffled))).toBe(
        JSON.stringify(ConflictEventSchema.parse(shuffled)),
      );
      expect(JSON.stringify(shuffled)).toBe(before);
    }
  });

  test('on values that are not plain JSON', () => {
    class Event {}
    const exotic: unknown[] = [
      Object.assign(new Event(), sampleEvent()),
      Object.assign(Object.create({ extra: 1 }), sampleEvent()),
      Object.assign(Object.create(null), sampleEvent()),
      { ...sampleEvent(), [Symbol('s')]: 1 },
      { ...sampleEvent(), extensions: { [Symbol('s')]: 1 } },
      { ...sampleEvent(), extensions: Object.assign(new Event(), { a: 1 }) },
      { ...sampleEvent(), extensions: Object.defineProperty({}, 'hidden', { value: 1 }) },
      { ...sampleEvent(), actors: new Array(2) },
      { ...sampleEvent(), tags: Object.assign(['a'], { 2: 'b' }) },
      new Date(),
      () => sampleEvent(),
    ];
    for (const [index, value] of exotic.entries()) {
      const zod = ConflictEventSchema.safeParse(value).success;
      expect({ index, compiled: isConflictEventShape(value) }).toEqual({ index, compiled: zod });
    }
    expect(isConflictEventShape(sampleEvent())).toBe(true);
  });
});
