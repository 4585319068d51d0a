import { acledFormat } from '@conflict-events/acled';
import { csvFormat } from '@conflict-events/csv';
import { gdeltFormat } from '@conflict-events/gdelt';
import { geojsonFormat, geojsonSeqFormat } from '@conflict-events/geojson';
import { hxlFormat } from '@conflict-events/hxl';
import { type AnyFormat, createRegistry, FormatDetectionError } from '@conflict-events/io';
import { jsonDatasetFormat, ndjsonFormat } from '@conflict-events/json';
import { kmlFormat } from '@conflict-events/kml';
import { geoParquetFormat } from '@conflict-events/parquet';
import { ucdpFormat } from '@conflict-events/ucdp';
import { xlsxFormat } from '@conflict-events/xlsx';

/**
 * Every format the command knows. Source formats come before the canonical ones so that a
 * listing reads from the most specific; detection does not depend on the order, since the
 * registry sniffs every candidate and HXL marks itself as the fallback.
 */
export const formats: readonly AnyFormat[] = [
  acledFormat,
  ucdpFormat,
  gdeltFormat,
  csvFormat,
  ndjsonFormat,
  jsonDatasetFormat,
  geojsonFormat,
  geojsonSeqFormat,
  geoParquetFormat,
  kmlFormat,
  xlsxFormat,
  hxlFormat,
];

export const registry = createRegistry(formats);

/**
 * The format an output file name asks for. Several formats write `.csv` and `.json`; a
 * plain name means the canonical, lossless one (`-o events.csv` is canonical CSV, not ACLED).
 */
export function outputFormatFor(fileName: string): AnyFormat {
  const writers = registry
    .byFileName(fileName)
    .filter((format) => format.capabilities.write && format.write);
  const lossless = writers.filter((format) => format.capabilities.lossless);
  const [only] = lossless.length === 1 ? lossless : writers;
  if (only && (lossless.length === 1 || writers.length === 1)) return only;
  return registry.forOutput(fileName);
}

export { FormatDetectionError };
