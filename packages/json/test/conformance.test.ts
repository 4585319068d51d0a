import { describeFormatConformance } from '../../../test/conformance/format-conformance.ts';
import { jsonDatasetFormat, ndjsonFormat } from '../src/index.ts';

describeFormatConformance({ format: ndjsonFormat });
describeFormatConformance({ format: jsonDatasetFormat });
