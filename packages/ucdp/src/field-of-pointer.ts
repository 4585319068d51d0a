import type { GedColumn } from './ucdp-columns.ts';

// Where each event field comes from, so an issue about an event names the GED column.
const columnsByPointer: readonly (readonly [string, GedColumn])[] = [
  ['/id', 'id'],
  ['/date/start', 'date_start'],
  ['/date/end', 'date_end'],
  ['/date/precision', 'date_prec'],
  ['/date/sourcePrecision', 'date_prec'],
  ['/location/country', 'country_id'],
  ['/location/countryName', 'country'],
  ['/location/region', 'region'],
  ['/location/admin1', 'adm_1'],
  ['/location/admin2', 'adm_2'],
  ['/location/place', 'where_coordinates'],
  ['/location/description', 'where_description'],
  ['/location/point/lat', 'latitude'],
  ['/location/point/lon', 'longitude'],
  ['/location/precision', 'where_prec'],
  ['/location/sourcePrecision', 'where_prec'],
  ['/type/category', 'type_of_violence'],
  ['/type/ucdp/typeOfViolence', 'type_of_violence'],
  ['/type/ucdp/conflictId', 'conflict_new_id'],
  ['/type/ucdp/conflictName', 'conflict_name'],
  ['/type/ucdp/dyadId', 'dyad_new_id'],
  ['/type/ucdp/dyadName', 'dyad_name'],
  ['/type/ucdp/eventClarity', 'event_clarity'],
  ['/actors/0/ids', 'side_a_new_id'],
  ['/actors/0', 'side_a'],
  ['/actors/1/ids', 'side_b_new_id'],
  ['/actors/1', 'side_b'],
  ['/fatalities/best', 'best'],
  ['/fatalities/low', 'low'],
  ['/fatalities/high', 'high'],
  ['/fatalities/breakdown/sideA', 'deaths_a'],
  ['/fatalities/breakdown/sideB', 'deaths_b'],
  ['/fatalities/breakdown/civilians', 'deaths_civilians'],
  ['/fatalities/breakdown/unknown', 'deaths_unknown'],
  ['/sources', 'source_office'],
  ['/provenance/recordId', 'id'],
];

/** The GED column an event pointer stems from; specific prefixes are listed before general ones. */
export function columnOfPointer(pointer: string): GedColumn | undefined {
  for (const [prefix, column] of columnsByPointer) {
    if (pointer === prefix || pointer.startsWith(`${prefix}/`)) return column;
  }
  return undefined;
}
