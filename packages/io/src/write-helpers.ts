import type { ConflictEvent } from '@conflict-events/schema';
import type { Batch } from './format.ts';

function isBatch(value: ConflictEvent | Batch): value is Batch {
  return Array.isArray((value as Batch).events) && typeof (value as Batch).records === 'number';
}

/**
 * What writers receive, as arrays: a batch gives its events, single events are grouped, so
 * writers work an array at a time.
 */
export async function* eventArrays(
  input: AsyncIterable<ConflictEvent | Batch> | Iterable<ConflictEvent | Batch>,
  groupSize = 1000,
): AsyncIterable<ConflictEvent[]> {
  let group: ConflictEvent[] = [];
  for await (const item of input) {
    if (isBatch(item)) {
      if (group.length > 0) {
        yield group;
        group = [];
      }
      if (item.events.length > 0) yield item.events;
    } else {
      group.push(item);
      if (group.length >= groupSize) {
        yield group;
        group = [];
      }
    }
  }
  if (group.length > 0) yield group;
}

const defaultChunkLength = 1 << 16;

/**
 * Collects text and hands it on as UTF-8 bytes in chunks of about `chunkLength` characters,
 * so writers can build output from small strings without one allocation per string.
 */
export class TextChunker {
  private parts: string[] = [];
  private length = 0;
  private readonly encoder = new TextEncoder();

  constructor(private readonly chunkLength = defaultChunkLength) {}

  /** Adds text; returns a chunk of bytes once enough has collected. */
  add(text: string): Uint8Array | undefined {
    this.parts.push(text);
    this.length += text.length;
    return this.length >= this.chunkLength ? this.flush() : undefined;
  }

  /** Returns what is collected (possibly nothing) as bytes. */
  flush(): Uint8Array | undefined {
    if (this.length === 0) return undefined;
    const bytes = this.encoder.encode(this.parts.join(''));
    this.parts = [];
    this.length = 0;
    return bytes;
  }
}
