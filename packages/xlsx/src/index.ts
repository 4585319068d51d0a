// The public entry: the XLSX format, its options and the error it throws when data does not fit.

export { xlsxFormat } from './xlsx-format.ts';
export { type XlsxCellPosition, XlsxLimitError } from './xlsx-limit-error.ts';
export {
  defaultXlsxReadOptions,
  defaultXlsxWriteOptions,
  excelMaxCellLength,
  excelMaxRows,
  type XlsxReadOptions,
  type XlsxWriteOptions,
} from './xlsx-options.ts';
