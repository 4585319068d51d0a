// The formats the explorer reads and writes: the same adapter packages the command line
// uses, so a file opens here exactly as `conflict-events validate` reads it. Only the
// worker imports this module.
import { acledFormat } from '@conflict-events/acled';
import { csvFormat } from '@conflict-events/csv';
import { gdeltFormat } from '@conflict-events/gdelt';
import { geojsonFormat, geojsonSeqFormat } from '@conflict-events/geojson';
import { hxlFormat } from '@conflict-events/hxl';
import { type AnyFormat, createRegistry } from '@conflict-events/io';
import { jsonDatasetFormat, ndjsonFormat } from '@conflict-events/json';
import { geoParquetFormat } from '@conflict-events/parquet';
import { ucdpFormat } from '@conflict-events/ucdp';
import type { ExportFormatId } from './export-catalogue.ts';

/** Every format a file can be opened in; detection sniffs each, HXL being the fallback. */
export const readableFormats: readonly AnyFormat[] = [
  acledFormat,
  ucdpFormat,
  gdeltFormat,
  csvFormat,
  ndjsonFormat,
  jsonDatasetFormat,
  geojsonFormat,
  geojsonSeqFormat,
  geoParquetFormat,
  hxlFormat,
];

export const registry = createRegistry(readableFormats);

/** The writer of each export the page offers (`export-catalogue.ts`). */
export const exportFormats: Record<ExportFormatId, AnyFormat> = {
  geojson: geojsonFormat,
  csv: csvFormat,
};
