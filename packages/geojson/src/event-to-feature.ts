// Turns one event into the JSON text of a GeoJSON Feature (RFC 7946), shared by the
// FeatureCollection and the GeoJSONSeq writers.
import { csvColumns, flattenEvent } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import type { FeatureWriteOptions } from './feature-options.ts';

/** Decimals a coordinate can usefully keep: past 17 a double has no more digits to show. */
const maxPrecision = 17;

export function checkCoordinatePrecision(precision: number): number {
  if (!Number.isInteger(precision) || precision < 0 || precision > maxPrecision) {
    throw new RangeError(
      `coordinatePrecision must be an integer from 0 to ${maxPrecision}, not ${precision}`,
    );
  }
  return precision;
}

/**
 * A coordinate rounded to `precision` decimals. `toFixed` rounds the exact binary value to
 * the nearest decimal, so the result is within half a unit of the last decimal kept.
 * Scaling by a power of ten and `Math.round` is not: 0.15 is 0.1499999…, but 0.15 × 10 is
 * exactly 1.5, which rounds up to 0.2.
 */
export function roundCoordinate(value: number, precision: number): number {
  // + 0 turns -0 into 0: JSON has no negative zero.
  return Number(value.toFixed(precision)) + 0;
}

// `"date_start":` and so on, made once: flat properties are written key by key.
const flatKeys = csvColumns.map((column) => `${JSON.stringify(column.name)}:`);

/** The canonical columns as one JSON object; absent fields are `null`, so every feature has every key. */
function flatProperties(event: ConflictEvent): string {
  const values = flattenEvent(event);
  let text = '{';
  for (let index = 0; index < flatKeys.length; index++) {
    const value = values[index];
    text += `${index === 0 ? '' : ','}${flatKeys[index]}${value === undefined ? 'null' : JSON.stringify(value)}`;
  }
  return `${text}}`;
}

/** The rounded `[longitude, latitude]` of an event, or undefined when it has no point. */
export function positionOf(event: ConflictEvent, precision: number): [number, number] | undefined {
  const point = event.location.point;
  if (!point) return undefined;
  return [roundCoordinate(point.lon, precision), roundCoordinate(point.lat, precision)];
}

/**
 * One Feature: `id` is the event id; the geometry is the event's point rounded for display
 * (`null` without a point); the properties are the whole event (nested) or its canonical
 * columns (flat), both holding the exact point, so reading back loses nothing. The text comes
 * in three parts (head, properties, tail), which writers encode one after the other instead
 * of joining them first.
 */
export function featureParts(
  event: ConflictEvent,
  position: [number, number] | undefined,
  options: Readonly<FeatureWriteOptions>,
): [head: string, properties: string, tail: string] {
  const geometry = position
    ? `{"type":"Point","coordinates":[${position[0]},${position[1]}]}`
    : 'null';
  const bbox =
    options.bbox && position
      ? `,"bbox":[${position[0]},${position[1]},${position[0]},${position[1]}]`
      : '';
  const properties = options.flat ? flatProperties(event) : JSON.stringify(event);
  return [
    `{"type":"Feature","id":${JSON.stringify(event.id)}${bbox},"geometry":${geometry},"properties":`,
    properties,
    '}',
  ];
}

/** The write options with defaults filled in and checked, so a bad option fails before any output. */
export function resolveFeatureWriteOptions(
  options: Partial<FeatureWriteOptions>,
  defaults: Readonly<FeatureWriteOptions>,
): FeatureWriteOptions {
  return {
    flat: options.flat ?? defaults.flat,
    coordinatePrecision: checkCoordinatePrecision(
      options.coordinatePrecision ?? defaults.coordinatePrecision,
    ),
    bbox: options.bbox ?? defaults.bbox,
  };
}
