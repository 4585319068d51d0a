export { type CellType, type CsvColumn, csvColumns, requiredColumns } from './csv-columns.ts';
export {
  type CsvReadOptions,
  type CsvWriteOptions,
  csvFormat,
  defaultCsvReadOptions,
  defaultCsvWriteOptions,
} from './csv-format.ts';
export { neutraliseFormula, restoreFormula } from './csv-row.ts';
