// The GeoParquet format object: identity, detection and the lazily loaded reader and writer,
// so that detecting formats loads neither hyparquet nor hyparquet-writer.
import type { Batch, CommonReadOptions, CommonWriteOptions, Format } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import {
  defaultGeoParquetReadOptions,
  defaultGeoParquetWriteOptions,
  type GeoParquetReadOptions,
  type GeoParquetWriteOptions,
} from './geoparquet-options.ts';
import { fieldOfPointer } from './parquet-fields.ts';
import { sniffParquet } from './sniff-parquet.ts';

/** GeoParquet 1.1: typed canonical columns, a WKB point `geometry` and its `bbox` covering. */
export const geoParquetFormat = {
  id: 'geoparquet',
  name: 'GeoParquet',
  extensions: ['geoparquet', 'parquet'],
  mediaTypes: ['application/vnd.apache.parquet'],
  capabilities: { read: true, write: true, lossless: true, binary: true },
  // Rejected rows are JSON objects of their cells, so a rejects file is a JSON array.
  rejectsLayout: 'json-array',
  sniff: sniffParquet,
  defaultReadOptions: defaultGeoParquetReadOptions,
  defaultWriteOptions: defaultGeoParquetWriteOptions,
  fieldOf: fieldOfPointer,
  async *read(
    bytes: AsyncIterable<Uint8Array>,
    options?: Partial<GeoParquetReadOptions> & CommonReadOptions,
  ): AsyncIterable<Batch> {
    const { readGeoParquet } = await import('./read-geoparquet-stream.ts');
    yield* readGeoParquet(bytes, options);
  },
  async *write(
    events: AsyncIterable<ConflictEvent | Batch>,
    options?: Partial<GeoParquetWriteOptions> & CommonWriteOptions,
  ): AsyncIterable<Uint8Array> {
    const { writeGeoParquet } = await import('./write-geoparquet.ts');
    yield* writeGeoParquet(events, options);
  },
} as const satisfies Format<GeoParquetReadOptions, GeoParquetWriteOptions>;
