// Natural Earth's shapes in world-atlas are drawn for spherical renderers: a ring that
// crosses the antimeridian jumps from 180° to -180°, which a flat map draws as a line across
// the whole world. Unwrapping makes each ring continuous (longitudes past ±180 are valid
// in MapLibre), and a ring around a pole (Antarctica) is closed along the pole.
import type { FeatureCollection, Geometry, Position } from 'geojson';

const poleLatitude = 90;

/** A ring with no longitude step over 180°; a ring that encircles a pole is closed over it. */
export function unwrapRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  let offset = 0;
  let previous: number | undefined;
  let latitudeSum = 0;
  for (const [lon = 0, lat = 0, ...rest] of ring) {
    if (previous !== undefined) {
      const step = lon - previous;
      if (step > 180) offset -= 360;
      else if (step < -180) offset += 360;
    }
    previous = lon;
    latitudeSum += lat;
    out.push([lon + offset, lat, ...rest]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (!first || !last || offset === 0) return out;
  // The ring went once around the globe: it encloses a pole. Close it along the pole on the
  // side its points lie on, then back to the start.
  const pole = latitudeSum < 0 ? -poleLatitude : poleLatitude;
  return [...out, [last[0] ?? 0, pole], [first[0] ?? 0, pole], first];
}

function unwrapGeometry(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') {
    return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  }
  if (geometry.type === 'MultiPolygon') {
    return {
      ...geometry,
      coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)),
    };
  }
  return geometry;
}

/** The collection with every polygon ring unwrapped (a new object; the input is not changed). */
export function unwrapAntimeridian(collection: FeatureCollection): FeatureCollection {
  return {
    ...collection,
    features: collection.features.map((feature) =>
      feature.geometry === null
        ? feature
        : { ...feature, geometry: unwrapGeometry(feature.geometry) },
    ),
  };
}
