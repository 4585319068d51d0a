// The public entry: the UCDP GED format, its options and the Gleditsch–Ward table.

export {
  type GleditschWardState,
  gleditschWardStates,
  iso3FromGleditschWard,
} from './gleditsch-ward.ts';
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
