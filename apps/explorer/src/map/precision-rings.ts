// How the map shows location precision. A point coded to a province centroid does not mark
// where something happened, so it gets a ring: a nominal radius per precision level, drawn
// in metres on the ground. The radii are the legend's convention, not measured areas; only
// `place` (an exact site or a named town) is drawn as a bare point.
import { type LocationPrecision, locationPrecisions } from '@conflict-events/schema';

export const ringRadiusKilometres: Record<LocationPrecision, number> = {
  place: 0,
  near: 25,
  admin2: 40,
  area: 60,
  admin1: 120,
  region: 200,
  country: 350,
  international: 300,
  unknown: 300,
};

/** Web Mercator metres per pixel at zoom 0 on the equator, for MapLibre's 512-pixel tiles. */
const metresPerPixelAtZoomZero = 40_075_016.686 / 512;

/**
 * The ring's radius in pixels at zoom 0 for a point at `latitude`; the map doubles it per
 * zoom level. Mercator stretches distances by 1/cos(latitude), so the ring does too.
 */
export function ringPixelsAtZoomZero(precisionIndex: number, latitude: number): number {
  const precision = locationPrecisions[precisionIndex];
  const kilometres = precision === undefined ? 0 : ringRadiusKilometres[precision];
  const stretch = 1 / Math.max(Math.cos((latitude * Math.PI) / 180), 0.01);
  return ((kilometres * 1000) / metresPerPixelAtZoomZero) * stretch;
}
