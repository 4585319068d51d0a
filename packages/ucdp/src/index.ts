// The public entry: the UCDP GED format and its options. The Gleditsch–Ward table is in
// @conflict-events/schema, shared with the ACLED reader.

export { ucdpAttribution, ucdpLicence } from './map-ged-record.ts';
export { sourceKindOf } from './parse-sources.ts';
export { type GedColumn, type GedLayout, ged42Columns, ged49Columns } from './ucdp-columns.ts';
export { ucdpFormat } from './ucdp-format.ts';
export {
  defaultUcdpReadOptions,
  defaultUcdpWriteOptions,
  type UcdpReadOptions,
  type UcdpWriteOptions,
} from './ucdp-read-options.ts';
