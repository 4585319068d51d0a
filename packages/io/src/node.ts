// The Node edge: file paths, Node streams and atomic file output. Adapters never import this.
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { InputError } from './limits.ts';
import type { ByteSink } from './pipeline.ts';

// 64 KiB: a chunk's records are checked and written while they are young (see defaultBatchSize).
const chunkBytes = 1 << 16;
const writeBehindBytes = 16 << 20;

/**
 * A file's bytes as an async iterable, read in 64 KiB chunks. A regular file that grows or
 * shrinks while it is read (a download still running, a log being rotated) is an
 * `InputError` at the end, not a read of whatever was there: its size is checked against
 * the size it had when opened. Pipes and devices are read to their end.
 */
export async function* fileBytes(path: string): AsyncIterable<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      yield* handle.createReadStream({ highWaterMark: chunkBytes, autoClose: false });
      return;
    }
    // Read up to the size the file had when opened: a file that keeps growing would
    // otherwise be read for ever. A file cut short ends the reads early. The next chunk is
    // read while the caller works on this one.
    let position = 0;
    const readAt = async (at: number) => {
      const length = Math.min(chunkBytes, info.size - at);
      const buffer = new Uint8Array(length);
      const { bytesRead } = await handle.read(buffer, 0, length, at);
      return buffer.subarray(0, bytesRead);
    };
    let next = position < info.size ? readAt(position) : undefined;
    while (next) {
      const chunk = await next;
      if (chunk.length === 0) break;
      position += chunk.length;
      next = position < info.size ? readAt(position) : undefined;
      yield chunk;
    }
    const now = (await handle.stat()).size;
    if (position !== info.size || now !== info.size) {
      throw new InputError(
        `${path} changed while it was read: ${info.size} bytes when opened, ${position} read, ${now} now`,
      );
    }
  } finally {
    await handle.close();
  }
}

/** An output file that appears only when complete: written to a temporary file, then renamed. */
export interface AtomicFileSink extends ByteSink {
  readonly path: string;
  readonly tempPath: string;
  /** Flushes and renames the temporary file over the target. */
  commit(): Promise<void>;
  /** Removes the temporary file; the target is untouched. Safe to call more than once. */
  abort(): Promise<void>;
}

/** Opens an atomic sink for `path`; the temporary file sits beside it (same file system). */
export async function openAtomicFile(path: string): Promise<AtomicFileSink> {
  const target = resolve(path);
  const tempPath = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`,
  );
  let handle: FileHandle | undefined = await open(tempPath, 'wx');
  let done = false;
  // Writes go on behind the caller: chunks queue up and are written together (writev) while
  // the caller makes the next ones; the caller waits only when 16 MiB are queued. A failed
  // write is thrown by the next call (write or commit).
  let queue: Uint8Array[] = [];
  let queued = 0;
  let writing: Promise<void> | undefined;
  let failure: unknown;
  const drain = async () => {
    while (queue.length > 0 && handle) {
      const chunks = queue;
      queue = [];
      queued = 0;
      await handle.writev(chunks);
    }
  };
  const startDrain = () => {
    writing ??= drain()
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => {
        writing = undefined;
        // Chunks queued after the loop last looked are written by a drain of their own.
        if (queue.length > 0 && failure === undefined && handle) startDrain();
      });
    return writing;
  };
  const settle = async () => {
    while (writing) await writing;
    if (failure !== undefined) throw failure;
  };
  return {
    path: target,
    tempPath,
    async write(chunk) {
      if (!handle) throw new Error(`${path}: write after the output was closed`);
      if (failure !== undefined) throw failure;
      queue.push(chunk);
      queued += chunk.byteLength;
      const pending = startDrain();
      if (queued >= writeBehindBytes) await pending;
      if (failure !== undefined) throw failure;
    },
    async commit() {
      if (done || !handle) throw new Error(`${path}: the output was already closed`);
      await settle();
      await handle.sync();
      await handle.close();
      handle = undefined;
      await rename(tempPath, target);
      done = true;
    },
    async abort() {
      if (done) return;
      done = true;
      await writing;
      queue = [];
      if (handle) {
        await handle.close().catch(() => undefined);
        handle = undefined;
      }
      await rm(tempPath, { force: true });
    },
  };
}

/** True when two paths name the same file (so an input is never overwritten by its output). */
export function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}

/** How far V8's heap may grow above the live data after `boundHeapGrowth`: 50 %. */
export const boundedHeapGrowthPercent = 50;

/**
 * Lets V8 grow the process's heap to at most 1.5 times the data alive after a full garbage
 * collection, instead of up to 4 times. A streaming conversion keeps little alive and makes
 * garbage fast, and V8 grows the heap most when collecting is cheap: converting ACLED CSV to
 * GeoParquet, it let the heap reach 270 MB with 25–60 MB alive. Call it once, at the start of
 * an application that converts large files (the command line does); it changes V8's setting
 * for the whole process (`--heap-growing-percent`), which Node allows at run time.
 */
export function boundHeapGrowth(percent = boundedHeapGrowthPercent): void {
  if (!Number.isInteger(percent) || percent < 1) {
    throw new RangeError(`boundHeapGrowth: expected a whole percent of at least 1, got ${percent}`);
  }
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
