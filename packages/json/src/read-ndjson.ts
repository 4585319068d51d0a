import {
  type Batch,
  BatchBuilder,
  type CommonReadOptions,
  decodeText,
  LineSplitter,
  type RecordPosition,
  type TextLine,
} from '@conflict-events/io';
import { defaultNdjsonReadOptions, type NdjsonReadOptions } from './ndjson-options.ts';
import { nestingIssueMessage, nestsDeeperThan } from './nesting-depth.ts';
import { checkMaxDepth, resolveReadSettings } from './read-settings.ts';

/** Reads NDJSON (JSON Lines): one event a line; blank lines are skipped. */
export async function* readNdjson(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<NdjsonReadOptions> & CommonReadOptions = {},
): AsyncIterable<Batch> {
  const { batchSize, limits, decode } = resolveReadSettings(
    options,
    options.encoding ?? defaultNdjsonReadOptions.encoding,
  );
  const maxDepth = checkMaxDepth(options.maxDepth ?? defaultNdjsonReadOptions.maxDepth);
  const text = await decodeText(bytes, decode);
  const splitter = new LineSplitter({
    limits,
    byteLength: text.byteLength,
    startByteOffset: text.bomBytes,
  });
  const builder = new BatchBuilder(options.file);
  let encodingIssuesMoved = 0;

  // Encoding issues collect on the decoder; each goes into the batch being built when found.
  function moveEncodingIssues(): void {
    while (encodingIssuesMoved < text.issues.length) {
      const issue = text.issues[encodingIssuesMoved++];
      if (issue) builder.issue(issue);
    }
  }

  function readLine(line: TextLine): void {
    if (line.text.trim() === '') return;
    const position: RecordPosition = { line: line.line, byteOffset: line.byteOffset, pointer: '' };
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      builder.reject(line.text, position, [
        { code: 'invalid-json', severity: 'error', message: `not valid JSON: ${reason}` },
      ]);
      return;
    }
    if (nestsDeeperThan(line.text, maxDepth)) {
      builder.reject(line.text, position, [
        { code: 'nesting-too-deep', severity: 'error', message: nestingIssueMessage(maxDepth) },
      ]);
      return;
    }
    builder.accept(value, position, line.text);
  }

  for await (const chunk of text.chunks) {
    moveEncodingIssues();
    for (const line of splitter.push(chunk)) {
      readLine(line);
      if (builder.size >= batchSize) yield builder.take();
    }
  }
  moveEncodingIssues();
  for (const line of splitter.end()) {
    readLine(line);
    if (builder.size >= batchSize) yield builder.take();
  }
  if (builder.hasContent) yield builder.take();
}
