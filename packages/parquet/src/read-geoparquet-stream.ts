// The Format's reader: a byte stream cannot seek to the Parquet footer, so it is collected
// first (up to `maxFileBytes`), then read as a file.
import type { Batch, CommonReadOptions } from '@conflict-events/io';
import {
  checkPositiveInteger,
  defaultGeoParquetReadOptions,
  type GeoParquetReadOptions,
} from './geoparquet-options.ts';
import { asyncBufferFromBytes, collectBytes } from './parquet-source.ts';
import { readGeoParquetFile } from './read-geoparquet.ts';

export async function* readGeoParquet(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<GeoParquetReadOptions> & CommonReadOptions = {},
): AsyncIterable<Batch> {
  const maxFileBytes = checkPositiveInteger(
    'maxFileBytes',
    options.maxFileBytes ?? defaultGeoParquetReadOptions.maxFileBytes,
  );
  const { maxFileBytes: _maxFileBytes, ...fileOptions } = options;
  const data = await collectBytes(bytes, maxFileBytes);
  yield* readGeoParquetFile(asyncBufferFromBytes(data), fileOptions);
}
