import { borders, iso1A3Codes } from '@rapideditor/country-coder';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countriesAt } from '../src/rules/point-in-country.ts';

// countriesAt answers from a point cache and from cells no border touches; whatever path a
// point takes, the answer must be the polygon query's own.

const vertices: [number, number][] = [];
for (const feature of borders.features) {
  const geometry = feature.geometry as { coordinates: number[][][][] } | null;
  if (geometry === null) continue;
  for (const polygon of geometry.coordinates)
    for (const ring of polygon)
      for (const [x, y] of ring) vertices.push([x as number, y as number]);
}

function same(lat: number, lon: number): void {
  expect([...countriesAt(lat, lon)].sort(), `${lat}, ${lon}`).toEqual(
    [...iso1A3Codes([lon, lat])].sort(),
  );
}

describe('countriesAt', () => {
  test('agrees with the polygon query anywhere on the globe', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        (lat, lon) => {
          same(lat, lon);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  test('agrees next to border lines, where cells are split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: vertices.length - 1 }),
        fc.double({ min: -0.2, max: 0.2, noNaN: true }),
        fc.double({ min: -0.2, max: 0.2, noNaN: true }),
        (index, dLat, dLon) => {
          const [lon, lat] = vertices[index] as [number, number];
          if (Math.abs(lat + dLat) <= 90 && Math.abs(lon + dLon) <= 180)
            same(lat + dLat, lon + dLon);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  test('agrees for many points of one cell asked in turn (a town and its surroundings)', () => {
    // Aleppo's cell and its neighbours, on a 0.005° lattice: repeated and new points mixed.
    for (let lat = 36.1; lat < 36.3; lat += 0.005)
      for (let lon = 37.05; lon < 37.25; lon += 0.005) {
        same(lat, lon);
        same(lat, lon);
      }
    expect(countriesAt(36.2, 37.15)).toContain('SYR');
  });
});
