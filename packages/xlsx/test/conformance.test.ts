import { describeFormatConformance } from '../../../test/conformance/format-conformance.ts';
import { xlsxFormat } from '../src/index.ts';

describeFormatConformance({ format: xlsxFormat });
