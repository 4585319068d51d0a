// The GeoJSONSeq format's identity (id, extensions, media type, sniff) with its reader and
// writer.
import type { Format } from '@conflict-events/io';
import {
  defaultGeoJsonSeqReadOptions,
  defaultGeoJsonSeqWriteOptions,
  type GeoJsonSeqReadOptions,
  type GeoJsonSeqWriteOptions,
} from './geojson-seq-options.ts';
import { readGeoJsonSeq } from './read-geojson-seq.ts';
import { sniffGeoJsonShape } from './sniff-geojson.ts';
import { writeGeoJsonSeq } from './write-geojson-seq.ts';

/** GeoJSON text sequences (RFC 8142): one Feature a record, RS-separated or one a line. */
export const geojsonSeqFormat = {
  id: 'geojsonseq',
  name: 'GeoJSONSeq',
  // Longest first where one ends another; none of these does, but the order is kept stable.
  extensions: ['geojsonseq', 'geojsonl', 'geojsons'],
  mediaTypes: ['application/geo+json-seq'],
  capabilities: { read: true, write: true, lossless: true },
  rejectsLayout: 'lines',
  sniff: (firstBytes: Uint8Array) => sniffGeoJsonShape(firstBytes) === 'sequence',
  defaultReadOptions: defaultGeoJsonSeqReadOptions,
  defaultWriteOptions: defaultGeoJsonSeqWriteOptions,
  read: readGeoJsonSeq,
  write: writeGeoJsonSeq,
} as const satisfies Format<GeoJsonSeqReadOptions, GeoJsonSeqWriteOptions>;
