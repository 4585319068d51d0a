import type { AcledColumn } from './acled-columns.ts';

// Where each event field comes from, so an issue about an event names the ACLED column.
const columnsByPointer: readonly (readonly [string, AcledColumn])[] = [
  ['/id', 'event_id_cnty'],
  ['/date', 'event_date'],
  ['/location/country', 'iso'],
  ['/location/countryName', 'country'],
  ['/location/region', 'region'],
  ['/location/admin1', 'admin1'],
  ['/location/admin2', 'admin2'],
  ['/location/admin3', 'admin3'],
  ['/location/place', 'location'],
  ['/location/point/lat', 'latitude'],
  ['/location/point/lon', 'longitude'],
  ['/location/precision', 'geo_precision'],
  ['/location/sourcePrecision', 'geo_precision'],
  ['/type/acled/subEventType', 'sub_event_type'],
  ['/type/acled/disorderType', 'disorder_type'],
  ['/type/acled/inter1', 'inter1'],
  ['/type/acled/inter2', 'inter2'],
  ['/type/acled/interaction', 'interaction'],
  ['/type/acled/sourceScale', 'source_scale'],
  ['/type', 'event_type'],
  ['/actors', 'actor1'],
  ['/fatalities', 'fatalities'],
  ['/sources', 'source'],
  ['/civilianTargeting', 'civilian_targeting'],
  ['/notes', 'notes'],
  ['/tags', 'tags'],
  ['/provenance/modified', 'timestamp'],
  ['/provenance/recordId', 'event_id_cnty'],
];

/** The ACLED column an event pointer stems from; specific prefixes come before general ones. */
export function columnOfPointer(pointer: string): AcledColumn | undefined {
  for (const [prefix, column] of columnsByPointer) {
    if (pointer === prefix || pointer.startsWith(`${prefix}/`)) return column;
  }
  return undefined;
}
