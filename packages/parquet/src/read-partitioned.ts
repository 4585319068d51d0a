// Reads a Hive-partitioned GeoParquet dataset: the files of its folder, each with its path
// relative to the folder, whose `key=value` directories give the partition columns back.
import type { Batch, CommonReadOptions } from '@conflict-events/io';
import { partitionValuesOf } from './hive-path.ts';
import type { AsyncBuffer } from './parquet-source.ts';
import { readGeoParquetFile } from './read-geoparquet.ts';

/** One file of a partitioned dataset. */
export interface PartitionFile {
  /** Path relative to the dataset's folder, `/`-separated: `year=2024/country=SDN/part-0.parquet`. */
  path: string;
  file: AsyncBuffer;
}

/**
 * Reads every file given, in the order given; issues name each file by its relative path.
 * Partition keys that are canonical columns set them (the path wins over a column of the
 * same name, as in DuckDB and Spark); `year` that agrees with `date_start` is dropped; other
 * keys go to `provenance.unmapped`.
 */
export async function* readGeoParquetPartitions(
  files: Iterable<PartitionFile> | AsyncIterable<PartitionFile>,
  options: CommonReadOptions = {},
): AsyncIterable<Batch> {
  for await (const { path, file } of files) {
    const name = options.file === undefined ? path : `${options.file}/${path}`;
    yield* readGeoParquetFile(file, { ...options, file: name, partition: partitionValuesOf(path) });
  }
}
