// The options of the GeoParquet reader and writers, with their defaults.

/** Compression of every column chunk. */
export type ParquetCompression = 'zstd' | 'snappy' | 'uncompressed';

export const parquetCompressions: readonly ParquetCompression[] = [
  'zstd',
  'snappy',
  'uncompressed',
];

/** Options of the GeoParquet reader, next to `CommonReadOptions`. */
export interface GeoParquetReadOptions {
  /**
   * Most bytes `read` collects from its byte stream before it can look at the footer; more
   * stop reading with a `LimitError`. `readGeoParquetFile` reads from a random-access source
   * and needs no such bound. Default 1 GiB.
   */
  maxFileBytes: number;
}

/** Options of the GeoParquet writer, next to `CommonWriteOptions`. */
export interface GeoParquetWriteOptions {
  /**
   * Events per row group: the writer holds this many events' values at most, and hands out
   * a row group's bytes as soon as it is full. Default 15 000: a column of a row group is then
   * an array under V8's 128 KiB limit for ordinary objects (16 384 values), which measured a
   * quarter faster than 20 000 (see the README).
   */
  rowGroupSize: number;
  /** Codec of every column chunk: `zstd`, `snappy` or `uncompressed`. Default `zstd`. */
  compression: ParquetCompression;
}

/** Options of the partitioned writer: the writer's, and how files are laid out. */
export interface PartitionedWriteOptions extends GeoParquetWriteOptions {
  /**
   * Hive partition keys, outermost first: `year` (of `date_start`) or a canonical column of
   * text, enum, integer, boolean or date type (`country`, `category`, …). Default none.
   */
  partitionBy: readonly string[];
  /**
   * Partition files open at once; when one more is needed the one written least recently is
   * finished, and a later event of its partition starts its next `part-N.parquet`. Default 64.
   */
  maxOpenFiles: number;
  /**
   * Events held across all open files before the fullest one writes a row group early, so
   * memory stays bounded whatever the number of partitions. Default 100 000.
   */
  maxBufferedEvents: number;
}

export const defaultGeoParquetReadOptions: Readonly<GeoParquetReadOptions> = Object.freeze({
  maxFileBytes: 2 ** 30,
});

export const defaultGeoParquetWriteOptions: Readonly<GeoParquetWriteOptions> = Object.freeze({
  rowGroupSize: 15_000,
  compression: 'zstd',
});

export const defaultPartitionedWriteOptions: Readonly<PartitionedWriteOptions> = Object.freeze({
  ...defaultGeoParquetWriteOptions,
  partitionBy: Object.freeze([]) as readonly string[],
  maxOpenFiles: 64,
  maxBufferedEvents: 100_000,
});

export function checkPositiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, not ${value}`);
  }
  return value;
}

export function checkCompression(value: string): ParquetCompression {
  if (!(parquetCompressions as readonly string[]).includes(value)) {
    throw new RangeError(
      `compression must be one of ${parquetCompressions.join(', ')}, not ${value}`,
    );
  }
  return value as ParquetCompression;
}
