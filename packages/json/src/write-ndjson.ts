import { type Batch, type CommonWriteOptions, eventArrays, TextChunker } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import type { NdjsonWriteOptions } from './ndjson-options.ts';

/** Writes one event a line, each line ended by LF; no events, no bytes. */
export async function* writeNdjson(
  events: AsyncIterable<ConflictEvent | Batch>,
  // NDJSON carries no dataset metadata, so the options are accepted and not read.
  _options: Partial<NdjsonWriteOptions> & CommonWriteOptions = {},
): AsyncIterable<Uint8Array> {
  const chunker = new TextChunker();
  for await (const group of eventArrays(events)) {
    for (const event of group) {
      const bytes = chunker.addLine(JSON.stringify(event));
      if (bytes) yield bytes;
    }
  }
  const rest = chunker.flush();
  if (rest) yield rest;
}
