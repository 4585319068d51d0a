import { describeFormatConformance } from '../../../test/conformance/format-conformance.ts';
import { hxlFormat } from '../src/index.ts';

describeFormatConformance({
  format: hxlFormat,
  headerOnly: 'event_id,event_date,fatalities\n#event+code,#date+occurred,#affected+killed\n',
});
