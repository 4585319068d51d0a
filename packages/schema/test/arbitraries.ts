// fast-check arbitraries that produce events valid in shape (not necessarily by the rules).
import fc from 'fast-check';
import {
  actorKinds,
  actorRoles,
  actorSides,
  type ConflictEvent,
  datePrecisions,
  disorderTypes,
  eventCategories,
  eventSubTypes,
  locationPrecisions,
  ploverCategories,
  sourceKinds,
} from '../src/index.ts';

// Text as files hold it: mostly plain, often with what breaks naive writers — delimiters,
// quotes and line breaks (CSV), markup (XML, HTML), formula prefixes (spreadsheets), escape
// look-alikes (`_x0041_` in OOXML), control characters, emoji, right-to-left script and
// bidirectional controls, and any code point at all.
const hostileUnit = fc.constantFrom(
  '"',
  "'",
  ',',
  ';',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '<',
  '>',
  '&',
  ']]>',
  '<![CDATA[',
  '=',
  '+',
  '-',
  '@',
  '\\',
  '_x0041_',
  '\u0000',
  '\u0007',
  '\u001F',
  '\u007F',
  '\u00A0',
  '\u2028',
  '\u202E',
  '😀',
  '👩‍👩‍👧',
  'حلب',
  'Алеппо',
  'é',
  '\uFEFF',
  ' ',
  '{"a":1}',
  '$[name]',
  'NaN',
);
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.oneof(hostileUnit, fc.string({ minLength: 1, maxLength: 3 })),
      minLength: 1,
      maxLength: 12,
    }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }) },
);
const count = fc.nat({ max: 100_000 });
const isoDate = fc
  .date({
    min: new Date('1989-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));
const isoDateTime = fc
  .date({
    min: new Date('1989-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString());
// JSON has no negative zero, so generated numbers avoid it.
const double = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true }).map((value) => value + 0);
const iso3 = fc.constantFrom('SYR', 'RUS', 'UKR', 'NGA', 'MEX', 'IND', 'COL', 'MMR');

function optional<T>(arbitrary: fc.Arbitrary<T>) {
  return fc.option(arbitrary, { nil: undefined });
}

// Optional keys are omitted, never set to undefined: exactOptionalPropertyTypes and JSON agree.
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

const figure = fc.record({ best: count, low: optional(count), high: optional(count) }).map(compact);

export const arbitraryEvent: fc.Arbitrary<ConflictEvent> = fc
  .record({
    id: text,
    date: fc
      .record({
        start: isoDate,
        end: isoDate,
        precision: fc.constantFrom(...datePrecisions),
        sourcePrecision: optional(
          fc.record({
            scheme: fc.constantFrom('acled-time-precision' as const, 'ucdp-date-prec' as const),
            code: fc.integer({ min: 1, max: 5 }),
          }),
        ),
      })
      .map(compact),
    location: fc
      .record({
        country: optional(fc.oneof(iso3, fc.constant('none' as const))),
        countryName: optional(text),
        region: optional(text),
        admin1: optional(text),
        admin1Code: optional(text),
        admin2: optional(text),
        admin2Code: optional(text),
        admin3: optional(text),
        admin3Code: optional(text),
        place: optional(text),
        description: optional(text),
        point: optional(
          fc.record({
            lat: double(-90, 90),
            lon: double(-180, 180),
          }),
        ),
        precision: fc.constantFrom(...locationPrecisions),
        sourcePrecision: optional(
          fc.record({
            scheme: fc.constantFrom(
              'acled-geo-precision' as const,
              'ucdp-where-prec' as const,
              'gdelt-geo-type' as const,
            ),
            code: fc.integer({ min: 0, max: 7 }),
          }),
        ),
      })
      .map(compact),
    type: fc
      .record({
        category: optional(fc.constantFrom(...eventCategories)),
        subType: optional(fc.constantFrom(...eventSubTypes)),
        disorder: optional(fc.uniqueArray(fc.constantFrom(...disorderTypes), { minLength: 1 })),
        acled: optional(
          fc
            .record({
              eventType: text,
              subEventType: optional(text),
              disorderType: optional(text),
              inter1: optional(text),
              inter2: optional(text),
              interaction: optional(text),
              sourceScale: optional(text),
            })
            .map(compact),
        ),
        ucdp: optional(
          fc
            .record({
              typeOfViolence: fc.constantFrom(1 as const, 2 as const, 3 as const),
              conflictId: optional(count),
              conflictName: optional(text),
              dyadId: optional(count),
              dyadName: optional(text),
              eventClarity: optional(fc.constantFrom(1 as const, 2 as const)),
            })
            .map(compact),
        ),
        cameo: optional(
          fc.record({
            eventCode: fc.stringMatching(/^\d{2,4}$/),
            baseCode: optional(fc.stringMatching(/^\d{2,3}$/)),
            rootCode: fc.constantFrom('01', '14', '18', '19', '20'),
            quadClass: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
            goldstein: double(-10, 10),
            numMentions: optional(count),
            numSources: optional(count),
            numArticles: optional(count),
            avgTone: optional(double(-100, 100)),
          }),
        ),
        plover: optional(
          fc.record({
            category: fc.constantFrom(...ploverCategories),
            modes: fc.array(text, { maxLength: 2 }),
          }),
        ),
      })
      .map(compact),
    actors: fc.array(
      fc
        .record({
          name: text,
          side: fc.constantFrom(...actorSides),
          role: fc.constantFrom(...actorRoles),
          kind: fc.constantFrom(...actorKinds),
          unidentified: optional(fc.constant(true as const)),
          country: optional(iso3),
          ids: optional(
            fc
              .record({
                ucdp: optional(count),
                cameo: optional(fc.stringMatching(/^[A-Z0-9]{3,6}$/)),
                wikidata: optional(fc.stringMatching(/^Q[1-9]\d{0,6}$/)),
              })
              .map(compact),
          ),
        })
        .map(compact),
      { maxLength: 4 },
    ),
    fatalities: fc.oneof(
      fc.constant({ known: false as const }),
      fc
        .record({
          known: fc.constant(true as const),
          best: count,
          low: optional(count),
          high: optional(count),
          breakdown: optional(
            fc.record({ sideA: optional(count), civilians: optional(count) }).map(compact),
          ),
        })
        .map(compact),
    ),
    sources: fc.array(
      fc
        .record({
          name: text,
          kind: fc.constantFrom(...sourceKinds),
          url: optional(fc.webUrl()),
          published: optional(isoDate),
          claim: optional(
            fc.record({ fatalities: optional(figure), attribution: optional(text) }).map(compact),
          ),
        })
        .map(compact),
      { maxLength: 3 },
    ),
    civilianTargeting: optional(fc.boolean()),
    notes: optional(text),
    tags: optional(fc.array(text, { maxLength: 3 })),
    provenance: fc
      .record({
        dataset: fc.constantFrom('acled', 'ucdp-ged', 'gdelt', 'manual'),
        datasetVersion: optional(text),
        layout: optional(text),
        recordId: optional(text),
        modified: optional(isoDateTime),
        retrieved: optional(isoDateTime),
        codedBy: optional(text),
        licence: optional(text),
        attribution: optional(text),
        unmapped: optional(
          fc.dictionary(
            // "__proto__" is refused by design (see shape.test.ts).
            fc.string({ minLength: 1, maxLength: 10 }).filter((key) => key !== '__proto__'),
            fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
          ),
        ),
      })
      .map(compact),
    extensions: optional(
      fc.dictionary(
        fc.string({ minLength: 1, maxLength: 8 }).filter((key) => key !== '__proto__'),
        fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown),
      ),
    ),
  })
  .map((event) => compact(event) as ConflictEvent);

/** A small event valid in shape and by every rule, for tests to change one thing at a time. */
export function sampleEvent(): ConflictEvent {
  return {
    id: 'test:1',
    date: { start: '2016-08-01', end: '2016-08-01', precision: 'day' },
    location: {
      country: 'SYR',
      admin1: 'Aleppo',
      place: 'Aleppo',
      point: { lat: 36.2021, lon: 37.1343 },
      precision: 'place',
    },
    type: { category: 'battles', subType: 'armed-clash', disorder: ['political-violence'] },
    actors: [
      {
        name: 'Military Forces of Syria',
        side: 'a',
        role: 'primary',
        kind: 'state-forces',
        country: 'SYR',
      },
      { name: 'Fateh al-Sham Front', side: 'b', role: 'primary', kind: 'rebel-group' },
    ],
    fatalities: { known: true, best: 4, low: 4, high: 6 },
    sources: [
      { name: 'SANA', kind: 'news-agency', claim: { fatalities: { best: 4 } } },
      {
        name: 'Syrian Observatory for Human Rights',
        kind: 'ngo-monitor',
        claim: { fatalities: { best: 6 } },
      },
    ],
    provenance: { dataset: 'manual' },
  };
}
