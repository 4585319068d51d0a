// The conformance suite every format passes (test/conformance), run on GeoParquet.
import { describeFormatConformance } from '../../../test/conformance/format-conformance.ts';
import { geoParquetFormat } from '../src/index.ts';

describeFormatConformance({ format: geoParquetFormat });
