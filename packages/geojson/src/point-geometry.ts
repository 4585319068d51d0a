// Reads the point of a Feature's geometry. The model has one WGS84 point an event, so a
// Point geometry gives it; other geometry types have no single point to take and are
// refused rather than reduced (a centroid would invent a place no source named).
import { isJsonObject } from '@conflict-events/io';
import type { Point, ValidationIssue } from '@conflict-events/schema';

export interface GeometryReading {
  point?: Point;
  /** The third coordinate of a 3-D position. */
  altitude?: number;
  error?: ValidationIssue;
}

const geometryTypes = new Set([
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

function typeError(pointer: string, message: string): GeometryReading {
  return { error: { code: 'type-error', severity: 'error', message, pointer } };
}

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The point of a geometry member; absent, `null` and empty Points give no point and no error. */
export function readPointGeometry(geometry: unknown): GeometryReading {
  if (geometry === undefined || geometry === null) return {};
  if (!isJsonObject(geometry)) return typeError('/geometry', 'geometry must be an object or null');
  const type = geometry.type;
  if (type !== 'Point') {
    if (typeof type === 'string' && geometryTypes.has(type)) {
      return {
        error: {
          code: 'geometry-type',
          severity: 'error',
          message: `a ${type} geometry has no single point; only Point features (or features with no geometry) become events`,
          pointer: '/geometry/type',
          value: type,
        },
      };
    }
    return typeError('/geometry/type', `"${String(type)}" is not a GeoJSON geometry type`);
  }
  const coordinates = geometry.coordinates;
  // RFC 7946 §3.1: an empty coordinates array may be read as a null geometry.
  if (Array.isArray(coordinates) && coordinates.length === 0) return {};
  if (
    !Array.isArray(coordinates) ||
    coordinates.length < 2 ||
    coordinates.length > 3 ||
    !coordinates.every(isCoordinate)
  ) {
    return typeError(
      '/geometry/coordinates',
      'a Point has coordinates [longitude, latitude] or [longitude, latitude, altitude], as numbers',
    );
  }
  const [lon, lat, altitude] = coordinates as number[];
  const reading: GeometryReading = { point: { lat: lat as number, lon: lon as number } };
  if (altitude !== undefined) reading.altitude = altitude;
  return reading;
}

/** Decimals in the shortest text of a number (`1.5e-7` has 8). */
function decimalsOf(value: number): number {
  const [mantissa = '', exponent = '0'] = String(value).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.min(100, Math.max(0, fraction - Number(exponent)));
}

/**
 * Whether a geometry coordinate is the exact one rounded to as many decimals as it shows:
 * the writer's display point (at any coordinatePrecision, or GDAL's 15 significant digits)
 * rather than a point moved in a GIS tool.
 */
export function isRoundingOf(shown: number, exact: number): boolean {
  return shown === exact || Number(exact.toFixed(decimalsOf(shown))) === shown;
}
