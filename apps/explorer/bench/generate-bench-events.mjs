// A deterministic generator of events for the explorer's benchmark: the same count gives
// the same events on every machine. Events spread over 30 inland places in 24 countries
// (so the point-in-country rule agrees), ten years, every category with fitting actors, a
// mix of location precisions (rings) and date precisions, and a long tail of fatalities
// with some tolls unknown.

/**
 * mulberry32: a small, fast, seedable pseudo-random generator.
 * @param {number} seed
 */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** @type {[country: string, name: string, place: string, lat: number, lon: number][]} */
const places = [
  ['SYR', 'Syria', 'Aleppo', 36.2021, 37.1343],
  ['SYR', 'Syria', 'Homs', 34.7308, 36.7094],
  ['UKR', 'Ukraine', 'Kharkiv', 49.9935, 36.2304],
  ['UKR', 'Ukraine', 'Donetsk', 48.0159, 37.8028],
  ['UKR', 'Ukraine', 'Kyiv', 50.4501, 30.5234],
  ['NGA', 'Nigeria', 'Maiduguri', 11.8311, 13.151],
  ['NGA', 'Nigeria', 'Kano', 12.0022, 8.592],
  ['NGA', 'Nigeria', 'Abuja', 9.0579, 7.4951],
  ['MEX', 'Mexico', 'Chihuahua', 28.6353, -106.0889],
  ['MEX', 'Mexico', 'Culiacán', 24.8091, -107.394],
  ['YEM', 'Yemen', 'Taiz', 13.5795, 44.0209],
  ['SDN', 'Sudan', 'El Fasher', 13.6299, 25.3494],
  ['SDN', 'Sudan', 'Khartoum', 15.5007, 32.5599],
  ['MMR', 'Myanmar', 'Myitkyina', 25.3867, 97.3961],
  ['MMR', 'Myanmar', 'Mandalay', 21.9588, 96.0891],
  ['AFG', 'Afghanistan', 'Kabul', 34.5553, 69.2075],
  ['SOM', 'Somalia', 'Baidoa', 3.1139, 43.6498],
  ['COL', 'Colombia', 'Bogotá', 4.711, -74.0721],
  ['COD', 'Democratic Republic of Congo', 'Beni', 0.4911, 29.4731],
  ['MLI', 'Mali', 'Bamako', 12.6392, -8.0029],
  ['HTI', 'Haiti', 'Hinche', 19.15, -72.0167],
  ['PHL', 'Philippines', 'Malaybalay', 8.1575, 125.1278],
  ['BGD', 'Bangladesh', 'Dhaka', 23.8103, 90.4125],
  ['IRQ', 'Iraq', 'Baghdad', 33.3152, 44.3661],
  ['LBY', 'Libya', 'Sabha', 27.0377, 14.4283],
  ['SSD', 'South Sudan', 'Juba', 4.8594, 31.5713],
  ['ETH', 'Ethiopia', 'Addis Ababa', 9.03, 38.74],
  ['PAK', 'Pakistan', 'Peshawar', 34.0151, 71.5249],
  ['BFA', 'Burkina Faso', 'Ouagadougou', 12.3714, -1.5197],
  ['IND', 'India', 'Imphal', 24.817, 93.9368],
];

/** Sub-types per category, and the actor kinds on each side that fit them. */
/** @type {Record<string, { subTypes: string[], sideA: string[], sideB: (string | undefined)[] }>} */
const categories = {
  battles: {
    subTypes: [
      'armed-clash',
      'government-regains-territory',
      'non-state-actor-overtakes-territory',
    ],
    sideA: ['state-forces', 'rebel-group', 'political-militia', 'external-forces'],
    sideB: ['rebel-group', 'state-forces', 'identity-militia'],
  },
  'explosions-remote-violence': {
    subTypes: [
      'air-drone-strike',
      'shelling-artillery-missile-attack',
      'remote-explosive-landmine-ied',
    ],
    sideA: ['state-forces', 'rebel-group', 'external-forces'],
    sideB: ['civilians', 'state-forces', undefined],
  },
  'violence-against-civilians': {
    subTypes: ['attack', 'abduction-forced-disappearance'],
    sideA: ['political-militia', 'state-forces', 'identity-militia'],
    sideB: ['civilians'],
  },
  protests: {
    subTypes: ['peaceful-protest', 'protest-with-intervention'],
    sideA: ['protesters'],
    sideB: [undefined, 'state-forces'],
  },
  riots: {
    subTypes: ['violent-demonstration', 'mob-violence'],
    sideA: ['rioters'],
    sideB: [undefined, 'civilians'],
  },
  'strategic-developments': {
    subTypes: ['agreement', 'arrests', 'headquarters-or-base-established'],
    sideA: ['state-forces', 'rebel-group'],
    sideB: [undefined],
  },
};
const categoryNames = Object.keys(categories);
const precisions = [
  'place',
  'place',
  'place',
  'place',
  'place',
  'place',
  'near',
  'near',
  'admin1',
  'country',
];
const firstDay = Date.UTC(2015, 0, 1);
const days = 3653;

/**
 * @template T
 * @param {() => number} random
 * @param {readonly T[]} list
 * @returns {T}
 */
function pick(random, list) {
  if (list.length === 0) throw new Error('nothing to pick from');
  return /** @type {T} */ (list[Math.floor(random() * list.length)]);
}

/** @param {() => number} random */
function fatalities(random) {
  const roll = random();
  if (roll < 0.15) return { known: false };
  if (roll < 0.6) return { known: true, best: 0 };
  return { known: true, best: Math.min(Math.floor(1 / (1 - random()) ** 1.3) - 1, 2000) };
}

/**
 * @param {string} kind
 * @param {number} group
 */
function actorName(kind, group) {
  return `${kind.replaceAll('-', ' ')} brigade ${group}`;
}

/**
 * The events of the benchmark, one at a time.
 * @param {number} count
 * @param {number} [seed]
 */
export function* generateEvents(count, seed = 20_160_801) {
  const random = createRandom(seed);
  for (let index = 0; index < count; index++) {
    const [country, countryName, place, lat, lon] = pick(random, places);
    const category = pick(random, categoryNames);
    const coding = categories[category];
    if (!coding) throw new Error(`no coding for ${category}`);
    const start = new Date(firstDay + Math.floor(random() * days) * 86_400_000);
    const monthly = random() < 0.05;
    const end = monthly
      ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0))
      : start;
    if (monthly) start.setUTCDate(1);
    const kindA = pick(random, coding.sideA);
    const kindB = pick(random, coding.sideB);
    const actors = [
      {
        name: actorName(kindA, Math.floor(random() * 60)),
        side: 'a',
        role: 'primary',
        kind: kindA,
      },
    ];
    if (kindB !== undefined) {
      actors.push({
        name: actorName(kindB, Math.floor(random() * 60)),
        side: 'b',
        role: 'primary',
        kind: kindB,
      });
    }
    yield {
      id: `bench:${index}`,
      date: {
        start: start.toISOString().slice(0, 10),
        end: end.toISOString().slice(0, 10),
        precision: monthly ? 'month' : 'day',
      },
      location: {
        country,
        countryName,
        admin1: place,
        place,
        point: {
          lat: Math.round((lat + (random() - 0.5) / 10) * 1e4) / 1e4,
          lon: Math.round((lon + (random() - 0.5) / 10) * 1e4) / 1e4,
        },
        precision: pick(random, precisions),
      },
      type: { category, subType: pick(random, coding.subTypes) },
      actors,
      fatalities: fatalities(random),
      sources: [
        { name: pick(random, ['Wire A', 'Wire B', 'Monitor C', 'Paper D']), kind: 'news-media' },
      ],
      notes: 'Generated for the explorer benchmark.',
      provenance: { dataset: 'manual', recordId: String(index) },
    };
  }
}
