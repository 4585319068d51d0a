// Writes events as a GeoJSON text sequence (RFC 8142), or its newline-delimited variant.
import { type Batch, type CommonWriteOptions, eventArrays, TextChunker } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import { featureParts, positionOf, resolveFeatureWriteOptions } from './event-to-feature.ts';
import {
  defaultGeoJsonSeqWriteOptions,
  type GeoJsonSeqWriteOptions,
} from './geojson-seq-options.ts';

const recordSeparator = '\u001e';

/**
 * Writes one Feature a record: the record separator (unless `rs` is false), the feature, a
 * line feed. A sequence has no collection to hold dataset metadata, so `metadata` is not
 * written. No events, no bytes.
 */
export async function* writeGeoJsonSeq(
  events: AsyncIterable<ConflictEvent | Batch>,
  options: Partial<GeoJsonSeqWriteOptions> & CommonWriteOptions = {},
): AsyncIterable<Uint8Array> {
  const settings = resolveFeatureWriteOptions(options, defaultGeoJsonSeqWriteOptions);
  const start = (options.rs ?? defaultGeoJsonSeqWriteOptions.rs) ? recordSeparator : '';
  const chunker = new TextChunker();
  for await (const group of eventArrays(events)) {
    for (const event of group) {
      const position = positionOf(event, settings.coordinatePrecision);
      const [head, properties, tail] = featureParts(event, position, settings);
      const bytes = chunker.addAll(start, head, properties, tail, '\n');
      if (bytes) yield bytes;
    }
  }
  const rest = chunker.flush();
  if (rest) yield rest;
}
