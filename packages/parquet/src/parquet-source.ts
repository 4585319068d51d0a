// Random-access sources for the reader. Parquet's metadata is in the footer, so a reader
// must seek: from a Blob or File (browsers), from bytes in memory, or from any object with
// `byteLength` and `slice` (hyparquet's AsyncBuffer; a file handle at the Node edge).
import { LimitError } from '@conflict-events/io';
import type { AsyncBuffer } from 'hyparquet';

export type { AsyncBuffer } from 'hyparquet';

/** Reads slices of a Blob (a browser `File`) as they are asked for; nothing else is held. */
export function asyncBufferFromBlob(blob: Blob): AsyncBuffer {
  return {
    byteLength: blob.size,
    slice: (start, end) => blob.slice(start, end).arrayBuffer(),
  };
}

/** An AsyncBuffer over bytes already in memory. */
export function asyncBufferFromBytes(bytes: Uint8Array): AsyncBuffer {
  return {
    byteLength: bytes.byteLength,
    slice: (start, end = bytes.byteLength) =>
      bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + end) as ArrayBuffer,
  };
}

/**
 * Collects a byte stream into one array, as a stream cannot seek to the footer. More than
 * `maxFileBytes` stop with a LimitError rather than exhaust memory.
 */
export async function collectBytes(
  chunks: AsyncIterable<Uint8Array>,
  maxFileBytes: number,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    if (total + chunk.byteLength > maxFileBytes) {
      // The shared limits bound the bytes of one input; this is that bound for an input held
      // whole, so the error names the closest of them.
      throw new LimitError(
        `the Parquet input is larger than maxFileBytes (${maxFileBytes} bytes), which reading from a stream holds in memory; read it with readGeoParquetFile from a random-access source, or raise maxFileBytes`,
        'maxDecompressedBytes',
        { byteOffset: maxFileBytes },
      );
    }
    parts.push(chunk);
    total += chunk.byteLength;
  }
  if (parts.length === 1) return parts[0] as Uint8Array;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}
