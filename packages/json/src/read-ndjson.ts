// Reads NDJSON (JSON Lines) as a stream: each line is parsed whole and becomes an event or a
// reject with its line, byte offset and text.
import {
  type Batch,
  BatchBuilder,
  type CommonReadOptions,
  encodingIssueMover,
  openJsonLines,
  parseJsonRecord,
  type RecordPosition,
  type TextLine,
} from '@conflict-events/io';
import { defaultNdjsonReadOptions, type NdjsonReadOptions } from './ndjson-options.ts';

/** Reads NDJSON (JSON Lines): one event a line; blank lines are skipped. */
export async function* readNdjson(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<NdjsonReadOptions> & CommonReadOptions = {},
): AsyncIterable<Batch> {
  const { batchSize, maxDepth, text, lines } = await openJsonLines(
    bytes,
    options,
    defaultNdjsonReadOptions,
  );
  const builder = new BatchBuilder(options.file);
  const moveEncodingIssues = encodingIssueMover(text, (issue) => builder.issue(issue));

  function readLine(line: TextLine): void {
    if (line.text.trim() === '') return;
    const position: RecordPosition = { line: line.line, byteOffset: line.byteOffset, pointer: '' };
    const parsed = parseJsonRecord(line.text, maxDepth);
    if ('issue' in parsed) builder.reject(line.text, position, [parsed.issue]);
    else builder.accept(parsed.value, position, line.text);
  }

  for await (const chunk of text.chunks) {
    moveEncodingIssues();
    for (const line of lines.push(chunk)) {
      readLine(line);
      if (builder.size >= batchSize) yield builder.take();
    }
  }
  moveEncodingIssues();
  for (const line of lines.end()) {
    readLine(line);
    if (builder.size >= batchSize) yield builder.take();
  }
  if (builder.hasContent) yield builder.take();
}
