// Reads a GeoJSON text sequence (RFC 8142) or its newline-delimited variant, one feature a
// record, as a stream.
import {
  type Batch,
  type CommonReadOptions,
  decodeText,
  LineSplitter,
  type RecordPosition,
} from '@conflict-events/io';
import { FeatureBatchBuilder } from './feature-batch.ts';
import { defaultGeoJsonSeqReadOptions, type GeoJsonSeqReadOptions } from './geojson-seq-options.ts';
import { nestsDeeperThan } from './nesting-depth.ts';
import { nestingIssue, resolveReadSettings } from './read-settings.ts';
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
  const { batchSize, limits, maxDepth, decode } = resolveReadSettings(
    options,
    defaultGeoJsonSeqReadOptions,
  );
  const text = await decodeText(bytes, decode);
  const splitter = new LineSplitter({
    limits,
    byteLength: text.byteLength,
    startByteOffset: text.bomBytes,
  });
  const records = new SequenceRecords(limits, text.byteLength);
  const builder = new FeatureBatchBuilder(options.file);
  let encodingIssuesMoved = 0;

  // Encoding issues collect on the decoder; each goes into the batch being built when found.
  function moveEncodingIssues(): void {
    while (encodingIssuesMoved < text.issues.length) {
      const issue = text.issues[encodingIssuesMoved++];
      if (issue) builder.issue(issue);
    }
  }

  function readRecord(record: SequenceRecord): void {
    const position: RecordPosition = {
      line: record.line,
      byteOffset: record.byteOffset,
      pointer: '',
    };
    let value: unknown;
    try {
      value = JSON.parse(record.text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      builder.reject(record.text, position, [
        { code: 'invalid-json', severity: 'error', message: `not valid JSON: ${reason}` },
      ]);
      return;
    }
    if (nestsDeeperThan(record.text, maxDepth)) {
      builder.reject(record.text, position, [nestingIssue(maxDepth)]);
      return;
    }
    // Rejects are written one a line, so a record spread over lines is kept as one line.
    const raw = record.text.includes('\n') ? JSON.stringify(value) : record.text;
    builder.addFeature(value, position, raw, {});
  }

  for await (const chunk of text.chunks) {
    moveEncodingIssues();
    for (const line of splitter.push(chunk)) {
      for (const record of records.push(line)) {
        readRecord(record);
        if (builder.size >= batchSize) yield builder.take();
      }
    }
  }
  moveEncodingIssues();
  const last = [...splitter.end().flatMap((line) => records.push(line)), ...records.end()];
  for (const record of last) {
    readRecord(record);
    if (builder.size >= batchSize) yield builder.take();
  }
  if (builder.hasContent) yield builder.take();
}
