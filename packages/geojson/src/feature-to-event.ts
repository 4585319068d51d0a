// Maps one parsed GeoJSON Feature to a candidate event. Properties come in three shapes:
// - nested (this package's default output): the event itself, exact point included;
// - flat (this package's `flat` output, or a GIS tool's re-export of it): keys named as the
//   canonical CSV columns, read with unflattenEvent;
// - anything else (features from other tools): read as flat too, so properties that are
//   not canonical columns land in provenance.unmapped, and the columns every event needs
//   are reported missing, one positioned issue each.
// The geometry gives the point when the properties have none.
import {
  columnOf,
  defineOwn,
  isJsonObject,
  type JsonObject,
  requiredColumns,
  unflattenEvent,
} from '@conflict-events/io';
import {
  ConflictEventSchema,
  type Point,
  toJsonPointer,
  type ValidationIssue,
} from '@conflict-events/schema';
import { crsProblem } from './crs.ts';
import { isRoundingOf, readPointGeometry } from './point-geometry.ts';

/** What the document around a feature says about it. */
export interface FeatureContext {
  /** Set when the collection's `crs` rules out reading coordinates as WGS84. */
  crsProblem?: string;
}

/** Where a field of the candidate event came from in the feature, with the input's name for it. */
export type FeatureLocator = (eventPointer: string) => { pointer: string; field?: string };

export interface MappedFeature {
  /** The candidate event; absent when the feature cannot become one (then `errors` says why). */
  candidate?: JsonObject;
  /** Problems that refuse the feature; pointers are relative to the feature. */
  errors: ValidationIssue[];
  /** Problems that do not stop it. */
  warnings: ValidationIssue[];
  locate: FeatureLocator;
}

/** The unmapped key that keeps the altitude of a 3-D position, which the model has no field for. */
export const altitudeKey = 'geometry_altitude';

// Members the model keeps as objects: a feature whose properties hold one of them as an
// object carries a nested event. No canonical column has one of these names.
const nestedMarkers = ['date', 'location', 'provenance'] as const;

const eventKeys = new Set(Object.keys(ConflictEventSchema.shape));

function isNested(properties: JsonObject): boolean {
  return nestedMarkers.some(
    (key) => Object.hasOwn(properties, key) && isJsonObject(properties[key]),
  );
}

const coordinateIndex = new Map([
  ['lon', 0],
  ['lat', 1],
]);

function locateInGeometry(eventPointer: string): { pointer: string } {
  const key = eventPointer.split('/')[3];
  const index = key === undefined ? undefined : coordinateIndex.get(key);
  return { pointer: index === undefined ? '/geometry' : `/geometry/coordinates/${index}` };
}

function copyObject(value: unknown): JsonObject | undefined {
  return isJsonObject(value) ? { ...value } : undefined;
}

interface Origins {
  idFromFeature: boolean;
  pointFromGeometry: boolean;
  altitudeFromGeometry: boolean;
}

function locator(origins: Origins, inProperties: FeatureLocator): FeatureLocator {
  return (eventPointer) => {
    if (origins.idFromFeature && eventPointer === '/id') return { pointer: '/id' };
    if (origins.pointFromGeometry && eventPointer.startsWith('/location/point')) {
      return locateInGeometry(eventPointer);
    }
    if (
      origins.altitudeFromGeometry &&
      eventPointer === toJsonPointer(['provenance', 'unmapped', altitudeKey])
    ) {
      return { pointer: '/geometry/coordinates/2' };
    }
    return inProperties(eventPointer);
  };
}

const nestedLocator: FeatureLocator = (eventPointer) => ({
  pointer: `/properties${eventPointer}`,
});

const flatLocator: FeatureLocator = (eventPointer) => {
  const found = columnOf(eventPointer);
  if (!found) return { pointer: '/properties' };
  return { pointer: toJsonPointer(['properties', found.column.name]), field: found.column.name };
};

function featureIdOf(feature: JsonObject, errors: ValidationIssue[]): string | undefined {
  const id = feature.id;
  if (id === undefined || id === null) return undefined;
  if (typeof id === 'string') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  errors.push({
    code: 'type-error',
    severity: 'error',
    message: 'a Feature id is a string or a number',
    pointer: '/id',
  });
  return undefined;
}

function flatCandidate(
  properties: JsonObject,
  featureId: string | undefined,
  errors: ValidationIssue[],
): JsonObject | undefined {
  if (Object.hasOwn(properties, '__proto__')) {
    // Assigning this key to an object would replace its prototype instead of adding a value.
    errors.push({
      code: 'extra-field',
      severity: 'error',
      message: 'the property "__proto__" is not allowed',
      pointer: '/properties/__proto__',
      field: '__proto__',
    });
    return undefined;
  }
  for (const name of requiredColumns) {
    const value = properties[name];
    const present = Object.hasOwn(properties, name) && value !== null && value !== '';
    if (present || (name === 'id' && featureId !== undefined)) continue;
    errors.push({
      code: 'missing-field',
      severity: 'error',
      message: `the property "${name}" is required (a canonical column every event has)`,
      pointer: toJsonPointer(['properties', name]),
      field: name,
    });
  }
  const decoded = unflattenEvent(properties);
  for (const issue of decoded.issues) {
    const { fieldNumber: _number, ...rest } = issue;
    errors.push(
      issue.field === undefined
        ? rest
        : { ...rest, pointer: toJsonPointer(['properties', issue.field]) },
    );
  }
  return errors.length > 0 ? undefined : decoded.candidate;
}

/**
 * A nested event with the properties a GIS tool added next to it (`fid`, a user's column)
 * moved into provenance.unmapped, as the model keeps any source field it has no place for:
 * scalars as they are, lists and objects as JSON text. A "__proto__" key stays where the
 * schema refuses it.
 */
function nestedCandidate(properties: JsonObject, warnings: ValidationIssue[]): JsonObject {
  const candidate: JsonObject = {};
  const added: [string, unknown][] = [];
  for (const [key, value] of Object.entries(properties)) {
    if (eventKeys.has(key) || key === '__proto__') defineOwn(candidate, key, value);
    else added.push([key, value]);
  }
  if (added.length === 0) return candidate;
  const provenance = copyObject(candidate.provenance);
  const unmapped =
    provenance && (provenance.unmapped === undefined ? {} : copyObject(provenance.unmapped));
  if (!provenance || !unmapped) return { ...candidate, ...Object.fromEntries(added) };
  for (const [key, value] of added) {
    const kept = value === null || typeof value !== 'object' ? value : JSON.stringify(value);
    if (!Object.hasOwn(unmapped, key)) unmapped[key] = kept;
    else if (unmapped[key] !== kept) {
      warnings.push({
        code: 'duplicate-key',
        severity: 'warning',
        message: `the property "${key}" is not a field of the model and provenance.unmapped already has a different "${key}"; the property is dropped`,
        pointer: toJsonPointer(['properties', key]),
      });
    }
  }
  provenance.unmapped = unmapped;
  candidate.provenance = provenance;
  return candidate;
}

/** Sets the event's point from the geometry, or keeps the exact one the geometry rounds. */
function settlePoint(
  candidate: JsonObject,
  geometryPoint: Point | undefined,
  warnings: ValidationIssue[],
): boolean {
  if (!geometryPoint) return false;
  const location = copyObject(candidate.location);
  if (!location) return false;
  const exact = location.point;
  if (isJsonObject(exact)) {
    const { lat, lon } = exact;
    if (typeof lat !== 'number' || typeof lon !== 'number') return false;
    if (isRoundingOf(geometryPoint.lat, lat) && isRoundingOf(geometryPoint.lon, lon)) return false;
    warnings.push({
      code: 'geometry-differs',
      severity: 'warning',
      message: `the geometry [${geometryPoint.lon}, ${geometryPoint.lat}] is not the properties' point [${lon}, ${lat}] rounded, so it was moved: the geometry is taken`,
      pointer: '/geometry/coordinates',
    });
  } else if (exact !== undefined) return false;
  location.point = geometryPoint;
  candidate.location = location;
  return true;
}

/** Keeps a 3-D position's altitude in provenance.unmapped, unless the properties already have one. */
function keepAltitude(candidate: JsonObject, altitude: number | undefined): boolean {
  if (altitude === undefined) return false;
  const provenance = copyObject(candidate.provenance);
  if (!provenance) return false;
  const unmapped = provenance.unmapped === undefined ? {} : copyObject(provenance.unmapped);
  if (!unmapped || Object.hasOwn(unmapped, altitudeKey)) return false;
  unmapped[altitudeKey] = altitude;
  provenance.unmapped = unmapped;
  candidate.provenance = provenance;
  return true;
}

function notAFeature(value: unknown): MappedFeature {
  const what = isJsonObject(value)
    ? typeof value.type === 'string'
      ? `a GeoJSON ${value.type}`
      : 'an object without a "type"'
    : Array.isArray(value)
      ? 'an array'
      : value === null
        ? 'null'
        : `a ${typeof value}`;
  const issue: ValidationIssue = {
    code: 'type-error',
    severity: 'error',
    message: `${what} is not a Feature; each record must be a GeoJSON Feature`,
  };
  if (isJsonObject(value)) issue.pointer = '/type';
  return { errors: [issue], warnings: [], locate: nestedLocator };
}

/** Maps a parsed Feature to a candidate event, with issues positioned inside the feature. */
export function mapFeature(value: unknown, context: FeatureContext): MappedFeature {
  if (!isJsonObject(value) || value.type !== 'Feature') return notAFeature(value);
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const problem =
    context.crsProblem ?? (Object.hasOwn(value, 'crs') ? crsProblem(value.crs) : undefined);
  if (problem !== undefined) {
    errors.push({ code: 'crs-unsupported', severity: 'error', message: problem });
  }
  const geometry = readPointGeometry(value.geometry);
  if (geometry.error) errors.push(geometry.error);
  const featureId = featureIdOf(value, errors);
  const rawProperties = value.properties;
  if (rawProperties !== undefined && rawProperties !== null && !isJsonObject(rawProperties)) {
    errors.push({
      code: 'type-error',
      severity: 'error',
      message: 'properties must be an object or null',
      pointer: '/properties',
    });
  }
  const properties = isJsonObject(rawProperties) ? rawProperties : {};
  const nested = isNested(properties);
  const locateInProperties = nested ? nestedLocator : flatLocator;
  const origins: Origins = {
    idFromFeature: false,
    pointFromGeometry: false,
    altitudeFromGeometry: false,
  };
  const locate = locator(origins, locateInProperties);
  const candidate = nested
    ? nestedCandidate(properties, warnings)
    : flatCandidate(properties, featureId, errors);
  if (!candidate || errors.length > 0) return { errors, warnings, locate };

  if (featureId !== undefined) {
    if (candidate.id === undefined) {
      candidate.id = featureId;
      origins.idFromFeature = true;
    } else if (candidate.id !== featureId) {
      warnings.push({
        code: 'feature-id-differs',
        severity: 'warning',
        message: `the Feature id "${featureId}" is not the properties' id; the properties' id is taken`,
        pointer: '/id',
      });
    }
  }
  origins.pointFromGeometry = settlePoint(candidate, geometry.point, warnings);
  origins.altitudeFromGeometry = keepAltitude(candidate, geometry.altitude);
  return { candidate, errors, warnings, locate };
}
