import { describeFormatConformance } from '../../../test/conformance/format-conformance.ts';
import { ged49Columns, ucdpFormat } from '../src/index.ts';

describeFormatConformance({
  format: ucdpFormat,
  headerOnly: `${ged49Columns.join(',')}\n`,
});
