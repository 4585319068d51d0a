// The conformance properties of every format with many more generated cases than the
// default lane runs: round trips of hostile events, random bytes and random text into every
// reader (accounting intact, never an exception), options never mutated. `pnpm test:slow`.
import { acledFormat } from '@conflict-events/acled';
import { csvFormat } from '@conflict-events/csv';
import { gdeltFormat } from '@conflict-events/gdelt';
import { geojsonFormat, geojsonSeqFormat } from '@conflict-events/geojson';
import { hxlFormat } from '@conflict-events/hxl';
import { jsonDatasetFormat, ndjsonFormat } from '@conflict-events/json';
import { kmlFormat } from '@conflict-events/kml';
import { geoParquetFormat } from '@conflict-events/parquet';
import { ucdpFormat } from '@conflict-events/ucdp';
import { xlsxFormat } from '@conflict-events/xlsx';
import { describeFormatConformance } from './conformance/format-conformance.ts';

// Every format the packages export; capability flags say which cases apply to each.
for (const format of [
  acledFormat,
  csvFormat,
  ndjsonFormat,
  jsonDatasetFormat,
  geojsonFormat,
  geojsonSeqFormat,
  geoParquetFormat,
  kmlFormat,
  xlsxFormat,
  ucdpFormat,
  gdeltFormat,
  hxlFormat,
]) {
  describeFormatConformance({ format, runs: 500 });
}
