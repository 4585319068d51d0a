// The public entry of the I/O core. Node-only helpers (files, streams) are in ./node.

export { BatchBuilder, type FieldLocator, positionIssue } from './batch-builder.ts';
export { type ByteSource, concatBytes, peekBytes, toByteChunks } from './byte-source.ts';
export {
  type CellType,
  type CsvColumn,
  csvColumns,
  requiredColumns,
} from './canonical-columns.ts';
export {
  columnOf,
  type DecodedRow,
  decodeRow,
  encodeRow,
  type FlatValue,
  flattenEvent,
  flatValue,
  type HeaderLayout,
  neutraliseFormula,
  restoreFormula,
  unflattenEvent,
} from './canonical-row.ts';
export { CellReader, type CellSource } from './cell-reader.ts';
export { type Compression, decompress, detectCompression } from './decompress.ts';
export { type DelimitedOptions, type DelimitedRecord, DelimitedTokenizer } from './delimited.ts';
export { encodingIssueMover } from './encoding-issues.ts';
export { eventTap, isBatch } from './event-tap.ts';
export type {
  AnyFormat,
  Batch,
  CommonReadOptions,
  CommonWriteOptions,
  DatasetMetadata,
  Format,
  FormatCapabilities,
  RecordPosition,
  RejectedRecord,
  RejectsLayout,
} from './format.ts';
export { defaultBatchSize } from './format.ts';
export {
  type JsonDocumentBatches,
  type JsonDocumentLayout,
  type JsonDocumentObject,
  type JsonDocumentOptions,
  readJsonDocument,
} from './json-document-reader.ts';
export { type JsonLinesInput, openJsonLines } from './json-lines.ts';
export {
  type JsonReadSettings,
  type JsonTextReadOptions,
  resolveJsonReadSettings,
} from './json-read-settings.ts';
export { type ParsedJsonRecord, parseJsonRecord } from './json-record.ts';
export { defaultLimits, InputError, LimitError, type Limits, resolveLimits } from './limits.ts';
export { LineSplitter, type LineSplitterOptions, type TextLine } from './lines.ts';
export { nestingIssue, nestsDeeperThan } from './nesting-depth.ts';
export { defineOwn } from './own-property.ts';
export {
  calendarDate,
  monthNumber,
  parseDecimal,
  parseIsoDate,
  parseWholeNumber,
  printsAsNumber,
} from './parse-cells.ts';
export {
  AccountingError,
  type ByteSink,
  type ConvertOptions,
  type ConvertProgress,
  type ConvertStats,
  convert,
} from './pipeline.ts';
export {
  type DelimitedBatch,
  type DelimitedInput,
  isHashtagRow,
  type ReadDelimitedOptions,
  type RecordShape,
  readDelimited,
  recordShapeIssues,
  sniffDelimiter,
} from './read-delimited.ts';
export {
  isJsonObject,
  type JsonObject,
  type JsonPage,
  type JsonPageLayout,
  type JsonRecordCells,
  jsonCellText,
  jsonRecordCells,
  type MappedRecord,
  readJsonPage,
  readJsonPageRecords,
} from './read-json-page.ts';
export { createRegistry, FormatDetectionError, type FormatRegistry } from './registry.ts';
export { type DecodeOptions, decodeText, findInvalidUtf8, type TextInput } from './text-decode.ts';
export { eventArrays, TextChunker } from './write-helpers.ts';
