import { iso1A3Codes } from '@rapideditor/country-coder';

// Borders in the offline lookup are simplified; a point this close to the stated country
// (about 5 km) counts as inside it, so border events are not flagged for generalisation.
const toleranceDegrees = 0.05;

// Event data repeats places (a town's coordinates appear in thousands of events), so answers
// are remembered; the cache is emptied when full to keep memory bounded.
const cacheLimit = 50_000;
const countriesCache = new Map<string, string[]>();
const insideCache = new Map<string, boolean>();

function remember<Value>(cache: Map<string, Value>, key: string, value: Value): Value {
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(key, value);
  return value;
}

/** Every country, territory and sovereign code whose shape holds the point. */
export function countriesAt(lat: number, lon: number): string[] {
  const key = `${lat},${lon}`;
  return countriesCache.get(key) ?? remember(countriesCache, key, iso1A3Codes([lon, lat]));
}

/** True when the point lies in the country, or within the border tolerance of it. */
export function isPointInCountry(lat: number, lon: number, country: string): boolean {
  const key = `${lat},${lon},${country}`;
  const known = insideCache.get(key);
  if (known !== undefined) return known;
  if (countriesAt(lat, lon).includes(country)) return remember(insideCache, key, true);
  const box: [number, number, number, number] = [
    lon - toleranceDegrees,
    lat - toleranceDegrees,
    lon + toleranceDegrees,
    lat + toleranceDegrees,
  ];
  return remember(insideCache, key, iso1A3Codes(box).includes(country));
}
