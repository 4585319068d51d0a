import { describeFormatConformance } from '../../../test/conformance/format-conformance.ts';
import { csvColumns, csvFormat } from '../src/index.ts';

describeFormatConformance({
  format: csvFormat,
  headerOnly: `${csvColumns.map((column) => column.name).join(',')}\n`,
});
