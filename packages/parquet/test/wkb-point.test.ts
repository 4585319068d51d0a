// WKB points: the exact 21 bytes we write, and the variants other writers use that we read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteBuffer } from '../src/byte-buffer.ts';
import { decodeWkbPoint, wkbPointLength, writeWkbPoint } from '../src/wkb-point.ts';

function encodeWkbPoint(lon: number, lat: number): Uint8Array {
  const out = new ByteBuffer(8);
  writeWkbPoint(out, lon, lat);
  expect(out.length).toBe(wkbPointLength);
  return out.used();
}

function fromHex(hex: string): Uint8Array {
  return new Uint8Array(hex.match(/../g)?.map((pair) => Number.parseInt(pair, 16)) ?? []);
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('WKB points', () => {
  it('writes POINT (1 2) as the 21 bytes of the OGC little-endian encoding', () => {
    // Byte order 01, type 1 (uint32 LE), x = 1.0, y = 2.0 (IEEE 754 doubles, LE).
    expect(toHex(encodeWkbPoint(1, 2))).toBe('0101000000000000000000f03f0000000000000040');
  });

  it('reads big-endian, ISO Z and EWKB points with an SRID', () => {
    expect(decodeWkbPoint(fromHex('00000000013ff00000000000004000000000000000'))).toEqual({
      lon: 1,
      lat: 2,
    });
    // ISO POINT Z (1 2 3), type 1001.
    expect(
      decodeWkbPoint(fromHex('01e9030000000000000000f03f00000000000000400000000000000840')),
    ).toEqual({ lon: 1, lat: 2 });
    // EWKB SRID=4326;POINT(1 2): flag 0x20000000, then the SRID.
    expect(decodeWkbPoint(fromHex('0101000020e6100000000000000000f03f0000000000000040'))).toEqual({
      lon: 1,
      lat: 2,
    });
  });

  it('reads POINT EMPTY (NaN coordinates) as no point', () => {
    expect(decodeWkbPoint(fromHex('0101000000000000000000f87f000000000000f87f'))).toEqual({
      empty: true,
    });
  });

  it('says why other geometries and other bytes are not points', () => {
    // LINESTRING (0 0, 1 1)
    const line = decodeWkbPoint(
      fromHex(
        '010200000002000000000000000000000000000000000000000000000000000000f03f000000000000f03f',
      ),
    );
    expect(line).toEqual({ why: 'WKB geometry type 2 is not a Point' });
    expect(decodeWkbPoint(fromHex('0101000000000000'))).toEqual({
      why: 'the WKB point is cut short',
    });
    expect(decodeWkbPoint(fromHex('07'))).toEqual({ why: '1 bytes are too few for WKB' });
    expect(decodeWkbPoint(fromHex('0501000000000000000000f03f0000000000000040'))).toEqual({
      why: 'byte order 5 is neither 0 nor 1',
    });
  });

  it('gives back any longitude and latitude exactly', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (lon, lat) => {
        expect(decodeWkbPoint(encodeWkbPoint(lon, lat))).toEqual({ lon, lat });
      }),
    );
  });
});
