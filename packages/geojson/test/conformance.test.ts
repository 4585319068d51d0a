// The conformance suite every format passes, on both formats and on their flat layouts.
import type { AnyFormat } from '@conflict-events/io';
import { describeFormatConformance } from '../../../test/conformance/format-conformance.ts';
import { geojsonFormat, geojsonSeqFormat } from '../src/index.ts';

/** The same format writing with other defaults, so the suite covers each property layout. */
function variant(format: AnyFormat, id: string, writeOptions: object): AnyFormat {
  const write = format.write;
  if (!write) throw new Error(`${format.id} cannot write`);
  const defaultWriteOptions = Object.freeze({ ...format.defaultWriteOptions, ...writeOptions });
  return {
    ...format,
    id,
    defaultWriteOptions,
    write: (events, options) => write(events, { ...defaultWriteOptions, ...options }),
  };
}

describeFormatConformance({ format: geojsonFormat });
describeFormatConformance({ format: geojsonSeqFormat });
describeFormatConformance({ format: variant(geojsonFormat, 'geojson-flat', { flat: true }) });
// One feature without RS on one line is also a GeoJSON document, and sniffs as one (see
// sniff.test.ts), so the newline-delimited variant is covered by geojson-seq.test.ts.
describeFormatConformance({
  format: variant(geojsonSeqFormat, 'geojsonseq-flat', { flat: true, bbox: true }),
});
