import { describeFormatConformance } from '../../../test/conformance/format-conformance.ts';
import { kmlFormat } from '../src/index.ts';

describeFormatConformance({ format: kmlFormat });
