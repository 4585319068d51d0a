import type { ValidationIssue } from '@conflict-events/schema';
import { peekBytes } from './byte-source.ts';

export interface TextInput {
  /** The encoding used: from the BOM, else the option, else utf-8. */
  encoding: string;
  /** Bytes of the byte-order mark skipped at the start (0 when none). */
  bomBytes: number;
  chunks: AsyncIterable<string>;
  /** The number of bytes `text` took in the input, for byte offsets. */
  byteLength(text: string): number;
  /** Encoding problems, appended while `chunks` is read. */
  issues: ValidationIssue[];
}

export interface DecodeOptions {
  /** A WHATWG encoding label (`utf-8`, `windows-1252`, `utf-16le`, …). Default utf-8; a BOM overrides it. */
  encoding?: string;
  file?: string;
}

// Node's streaming TextDecoder slows down tenfold on pieces of over 64 KiB (Node 20: 8 MB
// of text in 65 536-byte pieces decodes in 6-7 ms, in 66 000-byte pieces in 109-112 ms),
// so no piece is larger, whatever the chunks that arrive: decompressed gzip and zip data
// come in chunks of about 550 KB.
const pieceBytes = 1 << 16;

type NodeBuffer = { byteLength(text: string, encoding: 'utf8'): number };
const nodeBuffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;

function utf8Length(text: string): number {
  if (nodeBuffer) return nodeBuffer.byteLength(text, 'utf8');
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function byteLengthFor(encoding: string): (text: string) => number {
  if (encoding === 'utf-8') return utf8Length;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return (text) => text.length * 2;
  // The single-byte encodings (windows-125x, iso-8859-x, …) take one byte a character.
  return (text) => text.length;
}

/**
 * Offset of the first byte of an invalid UTF-8 sequence in one chunk of a stream, or -1.
 * Continuation bytes at the start and a sequence cut at the end belong to the neighbouring
 * chunks and are not judged here.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < 3 && index < bytes.length && ((bytes[index] as number) & 0xc0) === 0x80) index++;
  while (index < bytes.length) {
    const byte = bytes[index] as number;
    let need = 0;
    let min = 0;
    if (byte < 0x80) {
      index++;
      continue;
    }
    if (byte >= 0xc2 && byte <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return index;
    if (index + need > bytes.length - 1) return -1;
    let code = byte & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = bytes[index + k] as number;
      if ((next & 0xc0) !== 0x80) return index;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return index;
    index += need + 1;
  }
  return -1;
}

/** The bytes at the end of a chunk that start a UTF-8 sequence the chunk does not complete. */
function incompleteTail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? bytes.subarray(bytes.length - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

function detectBom(head: Uint8Array): { encoding: string; length: number } | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * Decodes bytes to text as a stream: BOM detection and removal, any WHATWG encoding, and
 * invalid UTF-8 reported with its byte offset (then replaced by U+FFFD, so reading goes on).
 */
export async function decodeText(
  bytes: AsyncIterable<Uint8Array>,
  options: DecodeOptions = {},
): Promise<TextInput> {
  const { head, chunks } = await peekBytes(bytes, 3);
  const bom = detectBom(head);
  let encoding: string;
  try {
    encoding = new TextDecoder(bom?.encoding ?? options.encoding ?? 'utf-8').encoding;
  } catch {
    throw new RangeError(`unknown text encoding "${options.encoding}"`);
  }
  const issues: ValidationIssue[] = [];
  const checkUtf8 = encoding === 'utf-8';

  function report(byteOffset: number, what: string): void {
    const issue: ValidationIssue = {
      code: 'encoding-error',
      severity: 'error',
      message: `${what}; it and any later invalid bytes are read as U+FFFD (set the encoding option if the file is not UTF-8)`,
      byteOffset,
    };
    if (options.file !== undefined) issue.file = options.file;
    issues.push(issue);
  }

  async function* pieces(): AsyncIterable<Uint8Array> {
    // Text is handed on in pieces of at most 64 KiB of input, however large the chunks that
    // arrive (a whole file as one buffer, a burst of decompressed data), so readers never
    // hold more than a piece's records at once, and the decoder stays on its fast side.
    for await (const chunk of chunks) {
      if (chunk.byteLength <= pieceBytes) yield chunk;
      else
        for (let start = 0; start < chunk.byteLength; start += pieceBytes)
          yield chunk.subarray(start, start + pieceBytes);
    }
  }

  async function* decode(): AsyncIterable<string> {
    // The BOM is consumed by TextDecoder itself (ignoreBOM false).
    let decoder = new TextDecoder(encoding, { fatal: checkUtf8 });
    let offset = 0;
    let lenient = !checkUtf8;
    let previous: Uint8Array = new Uint8Array(0);
    for await (const chunk of pieces()) {
      let text: string;
      if (lenient) text = decoder.decode(chunk, { stream: true });
      else {
        try {
          text = decoder.decode(chunk, { stream: true });
        } catch {
          // The failed decoder dropped the start of a sequence the previous chunk left open;
          // decode it again with this chunk so no byte is lost, only replaced.
          const tail = incompleteTail(previous);
          const joined = new Uint8Array(tail.length + chunk.length);
          joined.set(tail);
          joined.set(chunk, tail.length);
          const at = offset - tail.length + Math.max(0, findInvalidUtf8(joined));
          report(at, `invalid UTF-8 at byte ${at}`);
          lenient = true;
          decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: offset > 0 });
          text = decoder.decode(joined, { stream: true });
        }
      }
      previous = chunk;
      offset += chunk.byteLength;
      if (text.length > 0) yield text;
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      report(offset, `the input ends inside a UTF-8 sequence at byte ${offset}`);
      rest = '\uFFFD';
    }
    if (rest.length > 0) yield rest;
  }

  return {
    encoding,
    bomBytes: bom?.length ?? 0,
    chunks: decode(),
    byteLength: byteLengthFor(encoding),
    issues,
  };
}
