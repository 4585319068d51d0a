import { borders, iso1A3Codes } from '@rapideditor/country-coder';

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
    codesAt[slot] = cellCountries(lat, lon) ?? iso1A3Codes([lon, lat]);
    nearCountry[slot] = undefined;
  }
  return slot;
}

/*
 * Points new to the cache are many where coordinates are not repeated (jittered or finely
 * geocoded data), and a polygon query costs microseconds. So the world is also cut into cells
 * of 1/16° (about 7 km), and a cell that no border line touches is remembered with the
 * countries of its centre: every point inside such a cell lies in exactly the shapes its
 * centre lies in, so the answer is the one the polygon query would give. A cell a border
 * crosses (or touches, or holds a whole island of) is marked as such and its points are
 * queried one by one.
 */
const cellsPerDegree = 16;
const cellBits = 14;
const cellSlots = 1 << cellBits;
const cellKeys = new Int32Array(cellSlots).fill(-1);
/** The cell's countries, or null when a border touches the cell. */
const cellCodes: (readonly string[] | null)[] = new Array(cellSlots);

/** Each ring of the borders as flat x, y pairs, and the rings' boxes (minX, minY, maxX, maxY). */
let rings: Float64Array[] | undefined;
let ringBoxes: Float64Array | undefined;

function loadRings(): void {
  const list: Float64Array[] = [];
  for (const feature of borders.features) {
    const geometry = feature.geometry as { coordinates: number[][][][] } | null;
    if (geometry === null) continue;
    for (const polygon of geometry.coordinates) {
      for (const ring of polygon) list.push(Float64Array.from(ring.flat()));
    }
  }
  const boxes = new Float64Array(list.length * 4);
  list.forEach((ring, index) => {
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (let at = 0; at < ring.length; at += 2) {
      const x = ring[at] as number;
      const y = ring[at + 1] as number;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    boxes.set([minX, minY, maxX, maxY], index * 4);
  });
  rings = list;
  ringBoxes = boxes;
}

/** True when a segment has a point in the closed box (Liang–Barsky clipping). */
function segmentTouchesBox(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
): boolean {
  let enter = 0;
  let leave = 1;
  const dx = x1 - x0;
  const dy = y1 - y0;
  // Each side of the box: p is the segment's direction against it, q its distance inside.
  for (let side = 0; side < 4; side++) {
    const p = side === 0 ? -dx : side === 1 ? dx : side === 2 ? -dy : dy;
    const q = side === 0 ? x0 - minX : side === 1 ? maxX - x0 : side === 2 ? y0 - minY : maxY - y0;
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) {
        if (t > leave) return false;
        if (t > enter) enter = t;
      } else {
        if (t < enter) return false;
        if (t < leave) leave = t;
      }
    }
  }
  return true;
}

/** True when any border line has a point in the closed box. */
function borderTouches(minX: number, minY: number, maxX: number, maxY: number): boolean {
  if (rings === undefined) loadRings();
  const all = rings as Float64Array[];
  const boxes = ringBoxes as Float64Array;
  for (let index = 0; index < all.length; index++) {
    const box = index * 4;
    if (
      (boxes[box] as number) > maxX ||
      (boxes[box + 2] as number) < minX ||
      (boxes[box + 1] as number) > maxY ||
      (boxes[box + 3] as number) < minY
    )
      continue;
    const ring = all[index] as Float64Array;
    for (let at = 2; at < ring.length; at += 2) {
      const x0 = ring[at - 2] as number;
      const y0 = ring[at - 1] as number;
      const x1 = ring[at] as number;
      const y1 = ring[at + 1] as number;
      // Both ends beyond the same side: the segment misses the box.
      if ((x0 < minX && x1 < minX) || (x0 > maxX && x1 > maxX)) continue;
      if ((y0 < minY && y1 < minY) || (y0 > maxY && y1 > maxY)) continue;
      if (segmentTouchesBox(x0, y0, x1, y1, minX, minY, maxX, maxY)) return true;
    }
  }
  return false;
}

/** The countries of every point in the point's cell, or undefined when a border touches it. */
function cellCountries(lat: number, lon: number): readonly string[] | undefined {
  if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) return undefined;
  const column = Math.floor((lon + 180) * cellsPerDegree);
  const row = Math.floor((lat + 90) * cellsPerDegree);
  // The bounds are exact (sixteenths of a degree); `lon + 180` is rounded, so a point a hair
  // outside the cell it was counted in is queried on its own.
  const minX = column / cellsPerDegree - 180;
  const minY = row / cellsPerDegree - 90;
  const maxX = (column + 1) / cellsPerDegree - 180;
  const maxY = (row + 1) / cellsPerDegree - 90;
  if (lon < minX || lon > maxX || lat < minY || lat > maxY) return undefined;
  const key = column * 4096 + row;
  const slot = Math.imul(key, 0x9e3779b1) >>> (32 - cellBits);
  if (cellKeys[slot] !== key) {
    cellKeys[slot] = key;
    cellCodes[slot] = borderTouches(minX, minY, maxX, maxY)
      ? null
      : iso1A3Codes([(minX + maxX) / 2, (minY + maxY) / 2]);
  }
  return cellCodes[slot] ?? undefined;
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
