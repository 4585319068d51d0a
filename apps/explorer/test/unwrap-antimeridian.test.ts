import { describe, expect, it } from 'vitest';
import { unwrapAntimeridian, unwrapRing } from '../src/map/unwrap-antimeridian.ts';

describe('unwrapping rings across the antimeridian', () => {
  it('leaves a ring that does not cross it alone', () => {
    const ring = [
      [10, 10],
      [20, 10],
      [20, 20],
      [10, 10],
    ];
    expect(unwrapRing(ring)).toEqual(ring);
  });

  it('makes a ring that crosses and comes back continuous', () => {
    const ring = [
      [179, -16],
      [180, -17],
      [-180, -17],
      [-179, -16],
      [-180, -15],
      [180, -15],
      [179, -16],
    ];
    const unwrapped = unwrapRing(ring);
    expect(unwrapped.map(([lon]) => lon)).toEqual([179, 180, 180, 181, 180, 180, 179]);
  });

  it('closes a ring around the south pole along the pole', () => {
    const ring = [
      [-180, -80],
      [0, -70],
      [180, -80],
      [-180, -80],
    ];
    const unwrapped = unwrapRing(ring);
    const longitudes = unwrapped.map(([lon]) => lon ?? 0);
    expect(Math.max(...longitudes) - Math.min(...longitudes)).toBeGreaterThanOrEqual(360);
    expect(unwrapped.at(-3)).toEqual([180, -90]);
    expect(unwrapped.at(-2)).toEqual([-180, -90]);
    expect(unwrapped.at(-1)).toEqual(unwrapped[0]);
    for (let index = 1; index < unwrapped.length; index++) {
      const step = Math.abs((unwrapped[index]?.[0] ?? 0) - (unwrapped[index - 1]?.[0] ?? 0));
      expect(step).toBeLessThanOrEqual(360);
    }
  });

  it('returns a new collection and leaves the input unchanged', () => {
    const input = {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          properties: { name: 'Test island' },
          geometry: {
            type: 'Polygon' as const,
            coordinates: [
              [
                [179, 0],
                [-179, 0],
                [-179, 1],
                [179, 0],
              ],
            ],
          },
        },
      ],
    };
    const copy = structuredClone(input);
    const output = unwrapAntimeridian(input);
    expect(input).toEqual(copy);
    const geometry = output.features[0]?.geometry;
    expect(geometry?.type === 'Polygon' && geometry.coordinates[0]?.map(([lon]) => lon)).toEqual([
      179, 181, 181, 179,
    ]);
  });
});
