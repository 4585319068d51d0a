import type { ConflictEvent } from '@conflict-events/schema';
import { isBatch } from './event-tap.ts';
import type { Batch, DatasetMetadata } from './format.ts';

/**
 * What writers receive, as arrays: a batch gives its events, single events are grouped, so
 * writers work an array at a time. Dataset metadata a batch carries (read from the input by
 * `convert`) goes to `onMetadata`, for writers whose format can hold it.
 */
export async function* eventArrays(
  input: AsyncIterable<ConflictEvent | Batch> | Iterable<ConflictEvent | Batch>,
  groupSize = 1000,
  onMetadata?: (metadata: DatasetMetadata) => void,
): AsyncIterable<ConflictEvent[]> {
  let group: ConflictEvent[] = [];
  for await (const item of input) {
    if (isBatch(item)) {
      if (item.metadata !== undefined) onMetadata?.(item.metadata);
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

const defaultChunkBytes = 1 << 16;

/**
 * Encodes text straight into fixed-size byte chunks with `encodeInto`, so writers can build
 * output from many small strings without joining them or allocating per string.
 */
export class TextChunker {
  private buffer: Uint8Array;
  private offset = 0;
  private readonly encoder = new TextEncoder();

  constructor(private readonly chunkBytes = defaultChunkBytes) {
    this.buffer = new Uint8Array(chunkBytes);
  }

  /** Adds text; returns a full chunk of bytes when one is ready. */
  add(text: string): Uint8Array | undefined {
    // Up to 3 bytes a UTF-16 unit; text that may not fit goes after a flush.
    if (this.offset + text.length * 3 > this.buffer.length) {
      const full = this.flush();
      if (text.length * 3 > this.buffer.length) {
        const bytes = this.encoder.encode(text);
        return full ? concat(full, bytes) : bytes;
      }
      this.offset = this.encoder.encodeInto(text, this.buffer).written;
      return full;
    }
    this.offset += this.encoder.encodeInto(text, this.buffer.subarray(this.offset)).written;
    return undefined;
  }

  /** Adds several texts one after the other, without building the joined string. */
  addAll(...texts: string[]): Uint8Array | undefined {
    let out: Uint8Array | undefined;
    for (const text of texts) {
      const bytes = this.add(text);
      if (bytes) out = out ? concat(out, bytes) : bytes;
    }
    return out;
  }

  /** Adds text and a line feed after it, without building the joined string. */
  addLine(text: string): Uint8Array | undefined {
    const full = this.add(text);
    if (this.offset === this.buffer.length) {
      const rest = this.add('\n');
      return full && rest ? concat(full, rest) : (full ?? rest);
    }
    this.buffer[this.offset] = 0x0a;
    this.offset += 1;
    return full;
  }

  /** Returns what is collected (possibly nothing) as bytes. */
  flush(): Uint8Array | undefined {
    if (this.offset === 0) return undefined;
    const out = this.buffer.subarray(0, this.offset);
    this.buffer = new Uint8Array(this.chunkBytes);
    this.offset = 0;
    return out;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
