export { type CellType, type CsvColumn, csvColumns, requiredColumns } from './csv-columns.ts';
export {
  type CsvReadOptions,
  type CsvWriteOptions,
  csvFormat,
  defaultCsvReadOptions,
  defaultCsvWriteOptions,
} from './csv-format.ts';
export {
  columnOf,
  type DecodedRow,
  decodeRow,
  encodeRow,
  type FlatValue,
  flattenEvent,
  type HeaderLayout,
  neutraliseFormula,
  restoreFormula,
  unflattenEvent,
} from './csv-row.ts';
