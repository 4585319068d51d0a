// The canonical columns and their codec live in the I/O core, where every flat format
// (flat GeoJSON, XLSX, Parquet) shares them; they are this package's layout, so re-exported.
export {
  type CellType,
  type CsvColumn,
  columnOf,
  csvColumns,
  type DecodedRow,
  decodeRow,
  encodeRow,
  type FlatValue,
  flattenEvent,
  type HeaderLayout,
  neutraliseFormula,
  requiredColumns,
  restoreFormula,
  unflattenEvent,
} from '@conflict-events/io';
export {
  type CsvReadOptions,
  type CsvWriteOptions,
  csvFormat,
  defaultCsvReadOptions,
  defaultCsvWriteOptions,
} from './csv-format.ts';
