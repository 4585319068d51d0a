import { iso1A3Codes } from '@rapideditor/country-coder';

// Borders in the offline lookup are simplified; a point this close to the stated country
// (about 5 km) counts as inside it, so border events are not flagged for generalisation.
const toleranceDegrees = 0.05;

/** Every country, territory and sovereign code whose shape holds the point. */
export function countriesAt(lat: number, lon: number): string[] {
  return iso1A3Codes([lon, lat]);
}

/** True when the point lies in the country, or within the border tolerance of it. */
export function isPointInCountry(lat: number, lon: number, country: string): boolean {
  if (countriesAt(lat, lon).includes(country)) return true;
  const box: [number, number, number, number] = [
    lon - toleranceDegrees,
    lat - toleranceDegrees,
    lon + toleranceDegrees,
    lat + toleranceDegrees,
  ];
  return iso1A3Codes(box).includes(country);
}
