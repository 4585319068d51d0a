// Well-Known Binary points (OGC Simple Features, ISO 19125-1 §8.2): the geometry encoding
// GeoParquet requires. An event's point is written as a 2D little-endian Point of 21 bytes:
// byte order 1, geometry type 1, then x (longitude) and y (latitude) as doubles.

import type { ByteBuffer } from './byte-buffer.ts';

/** The bytes of the point we write. */
export const wkbPointLength = 21;
const wkbPoint = 1;
// ISO WKB gives Z, M and ZM points their own type codes; EWKB (PostGIS) sets flag bits.
const isoPointTypes = new Set([1, 1001, 2001, 3001]);
const ewkbZ = 0x80000000;
const ewkbM = 0x40000000;
const ewkbSrid = 0x20000000;

/** Appends the 21-byte little-endian WKB Point of a longitude and latitude. */
export function writeWkbPoint(out: ByteBuffer, lon: number, lat: number): void {
  out.byte(1);
  out.uint32(wkbPoint);
  out.float64(lon);
  out.float64(lat);
}

export type DecodedPoint = { lon: number; lat: number } | { empty: true } | { why: string };

/**
 * Reads a WKB Point (either byte order; ISO Z/M/ZM and EWKB flags allowed, the extra
 * ordinates dropped). Any other geometry, or bytes that are not WKB, give the reason.
 */
export function decodeWkbPoint(bytes: Uint8Array): DecodedPoint {
  if (bytes.byteLength < 5) return { why: `${bytes.byteLength} bytes are too few for WKB` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const order = view.getUint8(0);
  if (order > 1) return { why: `byte order ${order} is neither 0 nor 1` };
  const littleEndian = order === 1;
  const type = view.getUint32(1, littleEndian);
  const ewkbFlags = type & (ewkbZ | ewkbM | ewkbSrid);
  const baseType = type & 0x0fffffff;
  if (!(ewkbFlags ? baseType === wkbPoint : isoPointTypes.has(baseType))) {
    return { why: `WKB geometry type ${baseType} is not a Point` };
  }
  const offset = 5 + (type & ewkbSrid ? 4 : 0);
  if (bytes.byteLength < offset + 16) return { why: 'the WKB point is cut short' };
  const lon = view.getFloat64(offset, littleEndian);
  const lat = view.getFloat64(offset + 8, littleEndian);
  // WKB writes POINT EMPTY as NaN coordinates.
  if (Number.isNaN(lon) && Number.isNaN(lat)) return { empty: true };
  return { lon, lat };
}
