import { iso1A3Codes } from '@rapideditor/country-coder';

// Borders in the offline lookup are simplified; a point this close to the stated country
// (about 5 km) counts as inside it, so border events are not flagged for generalisation.
const toleranceDegrees = 0.05;

/**
 * Event data repeats places (a town's coordinates appear in thousands of events), so answers
 * are remembered in a direct-mapped cache keyed by the two coordinates themselves: a slot is
 * found from the bits of lat and lon, and a new point takes over its slot. Memory is fixed
 * (2¹⁶ slots) and no key string is built per lookup.
 */
const slots = 1 << 16;
const lats = new Float64Array(slots).fill(Number.NaN);
const lons = new Float64Array(slots);
const codesAt: (readonly string[])[] = new Array(slots);
// The last country asked about with the border tolerance at each slot, and the answer.
const nearCountry: (string | undefined)[] = new Array(slots);
const nearAnswer = new Uint8Array(slots);

const bits = new Float64Array(2);
const words = new Uint32Array(bits.buffer);

function slotOf(lat: number, lon: number): number {
  bits[0] = lat;
  bits[1] = lon;
  let hash = Math.imul(words[0] as number, 0x9e3779b1) ^ (words[1] as number);
  hash = Math.imul(hash ^ (words[2] as number), 0x85ebca6b) ^ (words[3] as number);
  hash = Math.imul(hash ^ (hash >>> 15), 0xc2b2ae35);
  return (hash ^ (hash >>> 13)) & (slots - 1);
}

/** The slot holding the point, filled with its countries when the point is new there. */
function lookup(lat: number, lon: number): number {
  const slot = slotOf(lat, lon);
  if (lats[slot] !== lat || lons[slot] !== lon) {
    lats[slot] = lat;
    lons[slot] = lon;
    codesAt[slot] = iso1A3Codes([lon, lat]);
    nearCountry[slot] = undefined;
  }
  return slot;
}

/** Every country, territory and sovereign code whose shape holds the point. */
export function countriesAt(lat: number, lon: number): readonly string[] {
  return codesAt[lookup(lat, lon)] as readonly string[];
}

/** True when the point lies in the country, or within the border tolerance of it. */
export function isPointInCountry(lat: number, lon: number, country: string): boolean {
  const slot = lookup(lat, lon);
  if ((codesAt[slot] as readonly string[]).includes(country)) return true;
  if (nearCountry[slot] === country) return nearAnswer[slot] === 1;
  const box: [number, number, number, number] = [
    lon - toleranceDegrees,
    lat - toleranceDegrees,
    lon + toleranceDegrees,
    lat + toleranceDegrees,
  ];
  const near = iso1A3Codes(box).includes(country);
  nearCountry[slot] = country;
  nearAnswer[slot] = near ? 1 : 0;
  return near;
}
