// The public entry of @conflict-events/parquet: the GeoParquet format, its options, the
// random-access reader, and the Hive-partitioned writer and reader.

export { geoParquetFormat } from './geoparquet-format.ts';
export {
  defaultGeoParquetReadOptions,
  defaultGeoParquetWriteOptions,
  defaultPartitionedWriteOptions,
  type GeoParquetReadOptions,
  type GeoParquetWriteOptions,
  type ParquetCompression,
  type PartitionedWriteOptions,
} from './geoparquet-options.ts';
export { partitionValuesOf } from './hive-path.ts';
export { type AsyncBuffer, asyncBufferFromBlob } from './parquet-source.ts';
export { type GeoParquetFileReadOptions, readGeoParquetFile } from './read-geoparquet.ts';
export { type PartitionFile, readGeoParquetPartitions } from './read-partitioned.ts';
export type { PartitionValue } from './row-to-candidate.ts';
export {
  type OpenPartitionSink,
  type PartitionedWriteResult,
  type PartitionSink,
  writeGeoParquetPartitions,
} from './write-partitioned.ts';
