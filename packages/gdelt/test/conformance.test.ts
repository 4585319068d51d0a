import { describeFormatConformance } from '../../../test/conformance/format-conformance.ts';
import { gdeltFormat } from '../src/index.ts';

describeFormatConformance({ format: gdeltFormat });
