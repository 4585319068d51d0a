// The ExtendedData of a Placemark: key fields as `<Data name="…">`, for GIS tools (GDAL reads
// them as attribute columns through its LIBKML driver). Names follow the canonical CSV
// columns where the value is the same; list fields, which the CSV holds as JSON, are names
// joined by "; " here under names of their own (`actors_side_a`, `actors_side_b`, `source_names`).
// A field without a value is left out, so an unknown toll is absent, never 0.
import type { ConflictEvent } from '@conflict-events/schema';
import { decimalText } from './number-text.ts';
import { escapeXml } from './xml-text.ts';

/** The Data names written, in order; a Placemark has those with a value. */
export const extendedDataNames = [
  'id',
  'category',
  'sub_type',
  'date_start',
  'date_end',
  'date_precision',
  'country',
  'admin1',
  'admin2',
  'place',
  'location_precision',
  'fatalities_best',
  'fatalities_low',
  'fatalities_high',
  'civilian_targeting',
  'actors_side_a',
  'actors_side_b',
  'source_names',
  'provenance_dataset',
] as const;

export type ExtendedDataName = (typeof extendedDataNames)[number];

function names(items: readonly { name: string }[]): string | undefined {
  return items.length > 0 ? items.map((item) => item.name).join('; ') : undefined;
}

/** The values of an event's Data fields; absent values are undefined. */
export function extendedDataValues(
  event: ConflictEvent,
): Record<ExtendedDataName, string | undefined> {
  const fatalities = event.fatalities.known ? event.fatalities : undefined;
  const count = (value: number | undefined) =>
    value === undefined ? undefined : decimalText(value);
  return {
    id: event.id,
    category: event.type.category,
    sub_type: event.type.subType,
    date_start: event.date.start,
    date_end: event.date.end,
    date_precision: event.date.precision,
    country: event.location.country,
    admin1: event.location.admin1,
    admin2: event.location.admin2,
    place: event.location.place,
    location_precision: event.location.precision,
    fatalities_best: count(fatalities?.best),
    fatalities_low: count(fatalities?.low),
    fatalities_high: count(fatalities?.high),
    civilian_targeting:
      event.civilianTargeting === undefined ? undefined : String(event.civilianTargeting),
    actors_side_a: names(event.actors.filter((actor) => actor.side === 'a')),
    actors_side_b: names(event.actors.filter((actor) => actor.side === 'b')),
    source_names: names(event.sources),
    provenance_dataset: event.provenance.dataset,
  };
}

/** `<ExtendedData>` with a `<Data>` per field that has a value. */
export function extendedDataXml(event: ConflictEvent): string {
  const values = extendedDataValues(event);
  let xml = '<ExtendedData>\n';
  for (const name of extendedDataNames) {
    const value = values[name];
    if (value === undefined) continue;
    xml += `<Data name="${name}"><value>${escapeXml(value)}</value></Data>\n`;
  }
  return `${xml}</ExtendedData>\n`;
}
