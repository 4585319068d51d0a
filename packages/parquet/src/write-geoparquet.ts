// Writes events as one GeoParquet file, streaming: each row group's bytes are handed out as
// soon as it is full, so memory holds one row group whatever the number of events.
import { type Batch, type CommonWriteOptions, eventArrays } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import { GeoParquetFileWriter } from './geoparquet-file-writer.ts';
import type { GeoParquetWriteOptions } from './geoparquet-options.ts';
import { parquetColumns } from './parquet-columns.ts';
import { resolveWriteSettings } from './write-settings.ts';

/** No events still give a valid file: the schema and `geo` metadata with no row group. */
export async function* writeGeoParquet(
  events: AsyncIterable<ConflictEvent | Batch>,
  options: Partial<GeoParquetWriteOptions> & CommonWriteOptions = {},
): AsyncIterable<Uint8Array> {
  const settings = await resolveWriteSettings(options);
  const file = new GeoParquetFileWriter({ columns: parquetColumns, ...settings });
  for await (const group of eventArrays(events)) {
    for (const event of group) {
      const bytes = file.add(event);
      if (bytes) yield bytes;
    }
  }
  yield file.finish();
}
