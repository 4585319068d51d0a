import { Gunzip, Unzip, type UnzipFile, UnzipInflate } from 'fflate';
import { peekBytes } from './byte-source.ts';
import { GzipTrailerCheck } from './gzip-trailer.ts';
import { InputError, LimitError, type Limits } from './limits.ts';
import { ZipEntryCheck } from './zip-directory.ts';

export type Compression = 'gzip' | 'zip' | 'none';

/** Detects compression by magic bytes: gzip `1f 8b`, zip `PK\x03\x04` (or an empty zip). */
export function detectCompression(head: Uint8Array): Compression {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05)) return 'zip';
  return 'none';
}

export interface DecompressOptions {
  limits: Limits;
  /** For a zip holding several files: the one to read. */
  zipEntry?: string;
}

export interface DecompressedInput {
  compression: Compression;
  /** The entry read from a zip. */
  entry?: string;
  chunks: AsyncIterable<Uint8Array>;
}

const ratioGraceBytes = 1 << 20;
// Compressed input is fed in small slices: one 1 MiB chunk of a well-compressed file can
// inflate to tens of MiB at once, and everything downstream holds a chunk's records together.
const feedBytes = 1 << 15;

function* slices(chunk: Uint8Array): Iterable<Uint8Array> {
  for (let start = 0; start < chunk.length; start += feedBytes)
    yield chunk.subarray(start, start + feedBytes);
}

class OutputGuard {
  compressed = 0;
  decompressed = 0;
  constructor(private readonly limits: Limits) {}

  take(chunk: Uint8Array): void {
    this.decompressed += chunk.byteLength;
    if (this.decompressed > this.limits.maxDecompressedBytes) {
      throw new LimitError(
        `decompressed input exceeds ${this.limits.maxDecompressedBytes} bytes (limit maxDecompressedBytes)`,
        'maxDecompressedBytes',
        { byteOffset: this.limits.maxDecompressedBytes },
      );
    }
    if (
      this.decompressed > ratioGraceBytes &&
      this.decompressed > this.compressed * this.limits.maxCompressionRatio
    ) {
      throw new LimitError(
        `input expands more than ${this.limits.maxCompressionRatio} times when decompressed (limit maxCompressionRatio); it may be a decompression bomb`,
        'maxCompressionRatio',
        { byteOffset: this.decompressed },
      );
    }
  }
}

function failure(kind: string, error: unknown): InputError {
  const reason = error instanceof Error ? error.message : String(error);
  return new InputError(`${kind} input is corrupt or truncated: ${reason}`);
}

async function* gunzip(
  chunks: AsyncIterable<Uint8Array>,
  guard: OutputGuard,
): AsyncIterable<Uint8Array> {
  const out: Uint8Array[] = [];
  const trailer = new GzipTrailerCheck();
  let problem: string | undefined;
  const stream = new Gunzip((data) => {
    guard.take(data);
    trailer.inflated(data);
    out.push(data);
  });
  stream.onmember = (offset) => {
    problem ??= trailer.memberEnded(offset);
  };
  try {
    for await (const chunk of chunks) {
      for (const slice of slices(chunk)) {
        guard.compressed += slice.byteLength;
        trailer.compressed(slice);
        stream.push(slice, false);
        if (problem !== undefined) throw new Error(problem);
        yield* out.splice(0);
      }
    }
    stream.push(new Uint8Array(0), true);
    problem ??= trailer.memberEnded(guard.compressed);
    if (problem !== undefined) throw new Error(problem);
  } catch (error) {
    if (error instanceof LimitError) throw error;
    throw failure('gzip', error);
  }
  yield* out.splice(0);
}

function isDataEntry(name: string): boolean {
  const base = name.split('/').pop() ?? '';
  return (
    !name.endsWith('/') && !name.startsWith('__MACOSX/') && !base.startsWith('.') && base.length > 0
  );
}

async function* unzip(
  chunks: AsyncIterable<Uint8Array>,
  guard: OutputGuard,
  options: DecompressOptions,
  chosen: { entry?: string },
): AsyncIterable<Uint8Array> {
  const out: Uint8Array[] = [];
  const names: string[] = [];
  const check = new ZipEntryCheck();
  let error: unknown;
  const stream = new Unzip((file: UnzipFile) => {
    if (!isDataEntry(file.name)) return;
    names.push(file.name);
    const wanted = options.zipEntry ? file.name === options.zipEntry : names.length === 1;
    if (!wanted) return;
    chosen.entry = file.name;
    file.ondata = (err, data) => {
      if (err) {
        error ??= err;
        return;
      }
      try {
        guard.take(data);
        check.inflated(data);
        out.push(data);
      } catch (limit) {
        error ??= limit;
      }
    };
    file.start();
  });
  stream.register(UnzipInflate);
  try {
    for await (const chunk of chunks) {
      for (const slice of slices(chunk)) {
        guard.compressed += slice.byteLength;
        check.compressed(slice);
        stream.push(slice, false);
        if (error) throw error;
        yield* out.splice(0);
      }
    }
    stream.push(new Uint8Array(0), true);
    if (error) throw error;
    const mismatch = chosen.entry === undefined ? undefined : check.mismatch(chosen.entry);
    if (mismatch !== undefined) throw new Error(mismatch);
  } catch (caught) {
    if (caught instanceof LimitError) throw caught;
    throw failure('zip', caught);
  }
  yield* out.splice(0);
  if (names.length === 0) throw new InputError('zip input holds no file');
  if (options.zipEntry && !names.includes(options.zipEntry)) {
    throw new InputError(
      `zip input has no entry "${options.zipEntry}"; it holds: ${names.join(', ')}`,
    );
  }
  if (!options.zipEntry && names.length > 1) {
    throw new InputError(
      `zip input holds ${names.length} files (${names.join(', ')}); choose one with the zipEntry option`,
    );
  }
}

/** Detects gzip or zip by magic bytes and decompresses as a stream, within the limits. */
export async function decompress(
  chunks: AsyncIterable<Uint8Array>,
  options: DecompressOptions,
): Promise<DecompressedInput> {
  const peeked = await peekBytes(chunks, 4);
  const compression = detectCompression(peeked.head);
  const guard = new OutputGuard(options.limits);
  if (compression === 'gzip') return { compression, chunks: gunzip(peeked.chunks, guard) };
  if (compression === 'zip') {
    const chosen: { entry?: string } = {};
    const input: DecompressedInput = {
      compression,
      chunks: unzip(peeked.chunks, guard, options, chosen),
    };
    Object.defineProperty(input, 'entry', { get: () => chosen.entry, enumerable: true });
    return input;
  }
  return { compression, chunks: peeked.chunks };
}
