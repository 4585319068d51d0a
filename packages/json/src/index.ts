// The public entry: the NDJSON and JSON dataset formats and their options.

export { jsonDatasetFormat } from './json-dataset-format.ts';
export {
  defaultJsonDatasetReadOptions,
  defaultJsonDatasetWriteOptions,
  type JsonDatasetReadOptions,
  type JsonDatasetWriteOptions,
} from './json-dataset-options.ts';
export { ndjsonFormat } from './ndjson-format.ts';
export {
  defaultNdjsonReadOptions,
  defaultNdjsonWriteOptions,
  type NdjsonReadOptions,
  type NdjsonWriteOptions,
} from './ndjson-options.ts';
