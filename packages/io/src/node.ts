// The Node edge: file paths, Node streams and atomic file output. Adapters never import this.
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './limits.ts';
import type { ByteSink } from './pipeline.ts';

const chunkBytes = 1 << 20;

/**
 * A file's bytes as an async iterable, read in 1 MiB chunks. A regular file that grows or
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
    // otherwise be read for ever. A file cut short ends the reads early.
    let position = 0;
    while (position < info.size) {
      const length = Math.min(chunkBytes, info.size - position);
      const buffer = new Uint8Array(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
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
  return {
    path: target,
    tempPath,
    async write(chunk) {
      if (!handle) throw new Error(`${path}: write after the output was closed`);
      await handle.write(chunk);
    },
    async commit() {
      if (done || !handle) throw new Error(`${path}: the output was already closed`);
      await handle.sync();
      await handle.close();
      handle = undefined;
      await rename(tempPath, target);
      done = true;
    },
    async abort() {
      if (done) return;
      done = true;
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
