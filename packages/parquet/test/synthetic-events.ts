// Deterministic synthetic events for volume tests and the writer measurements: plausible
// shapes (points, actors, sources, tolls), made up here, never taken from a dataset.
import type { ConflictEvent } from '@conflict-events/schema';

const countries = [
  { code: 'SDN', lat: 15.5, lon: 32.5 },
  { code: 'SYR', lat: 35.0, lon: 38.5 },
  { code: 'UKR', lat: 49.0, lon: 32.0 },
  { code: 'NGA', lat: 9.1, lon: 8.7 },
  { code: 'MEX', lat: 23.6, lon: -102.5 },
  { code: 'MMR', lat: 21.9, lon: 95.9 },
  { code: 'COL', lat: 4.6, lon: -74.1 },
  { code: 'IND', lat: 22.0, lon: 79.0 },
] as const;

const categories = [
  ['battles', 'armed-clash'],
  ['explosions-remote-violence', 'shelling-artillery-missile-attack'],
  ['violence-against-civilians', 'attack'],
  ['protests', 'peaceful-protest'],
] as const;

/** Where the generated event `index` is: its country and year, for expected counts. */
export function syntheticPlace(index: number): { country: string; year: number } {
  return {
    country: (countries[index % countries.length] as (typeof countries)[number]).code,
    year: 2015 + (Math.floor(index / 7) % 10),
  };
}

/** The `index`th synthetic event; the same index always gives the same event. */
export function syntheticEvent(index: number): ConflictEvent {
  const country = countries[index % countries.length] as (typeof countries)[number];
  const [category, subType] = categories[index % categories.length] as (typeof categories)[number];
  const { year } = syntheticPlace(index);
  const month = String(1 + (index % 12)).padStart(2, '0');
  const day = String(1 + (index % 28)).padStart(2, '0');
  const date = `${year}-${month}-${day}`;
  const jitter = ((index * 7919) % 1000) / 1000;
  const fatalities = index % 5 === 0 ? undefined : (index * 31) % 40;
  const event: ConflictEvent = {
    id: `synthetic:${index}`,
    date: { start: date, end: date, precision: 'day' },
    location: {
      country: country.code,
      admin1: `Region ${index % 17}`,
      place: `Place ${index % 997}`,
      point: { lat: country.lat + jitter, lon: country.lon - jitter },
      precision: index % 3 === 0 ? 'near' : 'place',
    },
    type: { category, subType, disorder: ['political-violence'] },
    actors: [
      { name: `Armed group ${index % 41}`, side: 'a', role: 'primary', kind: 'rebel-group' },
      { name: `Forces of ${country.code}`, side: 'b', role: 'primary', kind: 'state-forces' },
    ],
    fatalities:
      fatalities === undefined
        ? { known: false }
        : { known: true, best: fatalities, low: fatalities, high: fatalities + (index % 3) },
    sources: [
      {
        name: `Agency ${index % 13}`,
        kind: 'news-agency',
        ...(fatalities === undefined ? {} : { claim: { fatalities: { best: fatalities } } }),
      },
    ],
    notes: `Synthetic event ${index}: clashes reported near place ${index % 997}.`,
    tags: index % 4 === 0 ? ['synthetic', 'toll-disputed'] : ['synthetic'],
    provenance: { dataset: 'manual', recordId: String(index) },
  };
  return event;
}

export async function* syntheticEvents(count: number, start = 0): AsyncIterable<ConflictEvent> {
  for (let index = start; index < start + count; index++) yield syntheticEvent(index);
}
