// The public entry: the ACLED format, its options, layouts, the ISO numeric table and the
// helpers for keeping a copy of the living dataset current.

export {
  type AcledColumn,
  type AcledLayout,
  acled2016ApiColumns,
  acled2019Columns,
  acled2023Columns,
  acledLegacyColumns,
} from './acled-columns.ts';
export { acledFormat } from './acled-format.ts';
export {
  type AcledReadOptions,
  type AcledWriteOptions,
  defaultAcledReadOptions,
  defaultAcledWriteOptions,
} from './acled-options.ts';
export { alpha3FromIsoNumeric, isoNumericCodes, isoNumericFromAlpha3 } from './iso-numeric.ts';
export {
  applyDeletions,
  type DeletedEvent,
  type DeletionResult,
  deleteFromBatches,
  keepNewestVersions,
  readDeletedEvents,
  upsertEvents,
} from './living-dataset.ts';
export { acledAttribution, reviewEventTypeTag } from './map-acled-record.ts';
