// A deterministic generator of realistic canonical events for benchmarks: the same seed gives
// the same events on every machine. Names in Arabic and Cyrillic, notes with commas, quotes
// and line breaks, fatalities mostly 0 with a long tail.
import { eventSubTypes, getSubType } from '@conflict-events/schema';

/** mulberry32: a small, fast, seedable PRNG. */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const places = [
  ['SYR', 'Aleppo', 36.2021, 37.1343],
  ['SYR', 'Idlib', 35.9306, 36.6339],
  ['UKR', 'Kharkiv', 49.9935, 36.2304],
  ['NGA', 'Maiduguri', 11.8311, 13.151],
  ['MEX', 'Culiacán', 24.8091, -107.394],
  ['YEM', 'Taiz', 13.5795, 44.0209],
  ['SDN', 'El Fasher', 13.6299, 25.3494],
  ['MMR', 'Myitkyina', 25.3867, 97.3961],
];
const state = ['Military Forces of Syria', 'state-forces'];
const rebels = ['هيئة تحرير الشام', 'rebel-group'];
const foreign = ['Вооружённые силы России', 'external-forces'];
const civilians = ['Civilians', 'civilians'];
const protesters = ['Protesters', 'protesters'];
const rioters = ['Rioters', 'rioters'];
const militia = ['Unidentified Armed Group', 'political-militia'];
// Side a and side b as coders pair them for each category, so the rules see realistic data.
const pairs = {
  battles: [
    [state, rebels],
    [foreign, rebels],
    [militia, state],
  ],
  'explosions-remote-violence': [
    [state, rebels],
    [foreign, civilians],
    [rebels, state],
  ],
  'violence-against-civilians': [
    [militia, civilians],
    [state, civilians],
  ],
  protests: [
    [protesters, undefined],
    [protesters, state],
  ],
  riots: [
    [rioters, undefined],
    [rioters, civilians],
  ],
  'strategic-developments': [
    [state, undefined],
    [rebels, undefined],
  ],
};
const notes = [
  'On 1 August, fighting was reported near the ring road.',
  'Shelling hit a market, killing "several" people, according to local sources.',
  'Clashes between the army and militants,\nwith reports of casualties on both sides.',
  'Протест у здания администрации; participants demanded "accountability".',
  'اشتباكات عنيفة في ريف المدينة',
];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function fatalities(random) {
  const roll = random();
  if (roll < 0.15) return { known: false };
  if (roll < 0.7) return { known: true, best: 0 };
  const best = Math.floor(1 / (1 - random()) ** 1.5) - 1;
  return { known: true, best: Math.min(best, 5000) };
}

/** The event number `index` of the stream for `seed`. */
export function generateEvent(random, index) {
  const [country, place, lat, lon] = pick(random, places);
  const subType = pick(random, eventSubTypes);
  const category = getSubType(subType).category;
  const day = new Date(Date.UTC(1997, 0, 1) + Math.floor(random() * 10_000) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const [sideA, sideB] = pick(random, pairs[category]);
  const event = {
    id: `bench:${index}`,
    date: { start: day, end: day, precision: 'day' },
    location: {
      country,
      admin1: place,
      place,
      point: {
        lat: Math.round((lat + (random() - 0.5) / 10) * 1e4) / 1e4,
        lon: Math.round((lon + (random() - 0.5) / 10) * 1e4) / 1e4,
      },
      precision: 'place',
    },
    type: { category, subType },
    actors: [
      { name: sideA[0], side: 'a', role: 'primary', kind: sideA[1] },
      ...(sideB ? [{ name: sideB[0], side: 'b', role: 'primary', kind: sideB[1] }] : []),
    ],
    fatalities: fatalities(random),
    sources: [
      { name: pick(random, ['AFP', 'Reuters', 'SANA', 'Local partner']), kind: 'news-agency' },
    ],
    notes: pick(random, notes),
    provenance: { dataset: 'acled', recordId: `SYR${index}`, modified: '2023-03-20T00:00:00Z' },
  };
  return event;
}

export function* generateEvents(count, seed = 20160801) {
  const random = createRandom(seed);
  for (let index = 0; index < count; index++) yield generateEvent(random, index);
}
