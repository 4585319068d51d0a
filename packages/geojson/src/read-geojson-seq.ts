// Reads a GeoJSON text sequence (RFC 8142) or its newline-delimited variant, one feature a
// record, as a stream.
import {
  type Batch,
  type CommonReadOptions,
  encodingIssueMover,
  openJsonLines,
  parseJsonRecord,
  type RecordPosition,
} from '@conflict-events/io';
import { FeatureBatchBuilder } from './feature-batch.ts';
import { defaultGeoJsonSeqReadOptions, type GeoJsonSeqReadOptions } from './geojson-seq-options.ts';
import { type SequenceRecord, SequenceRecords } from './sequence-records.ts';

/**
 * Reads each record as a Feature; positions are the line the record starts on, its byte
 * offset and the pointer `''` (the record itself), so issues point into the feature
 * (`/properties/date/start`). Records that are not JSON, or not features, are rejected with
 * their text; blank lines are skipped.
 */
export async function* readGeoJsonSeq(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<GeoJsonSeqReadOptions> & CommonReadOptions = {},
): AsyncIterable<Batch> {
  const { batchSize, limits, maxDepth, text, lines } = await openJsonLines(
    bytes,
    options,
    defaultGeoJsonSeqReadOptions,
  );
  const records = new SequenceRecords(limits, text.byteLength);
  const builder = new FeatureBatchBuilder(options.file);
  const moveEncodingIssues = encodingIssueMover(text, (issue) => builder.issue(issue));

  function readRecord(record: SequenceRecord): void {
    const position: RecordPosition = {
      line: record.line,
      byteOffset: record.byteOffset,
      pointer: '',
    };
    const parsed = parseJsonRecord(record.text, maxDepth);
    if ('issue' in parsed) {
      builder.reject(record.text, position, [parsed.issue]);
      return;
    }
    const { value } = parsed;
    // Rejects are written one a line, so a record spread over lines is kept as one line.
    const raw = record.text.includes('\n') ? JSON.stringify(value) : record.text;
    builder.addFeature(value, position, raw, {});
  }

  for await (const chunk of text.chunks) {
    moveEncodingIssues();
    for (const line of lines.push(chunk)) {
      for (const record of records.push(line)) {
        readRecord(record);
        if (builder.size >= batchSize) yield builder.take();
      }
    }
  }
  moveEncodingIssues();
  const last = [...lines.end().flatMap((line) => records.push(line)), ...records.end()];
  for (const record of last) {
    readRecord(record);
    if (builder.size >= batchSize) yield builder.take();
  }
  if (builder.hasContent) yield builder.take();
}
