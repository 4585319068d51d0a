// The Node edge: file paths, Node streams and atomic file output. Adapters never import this.
import { createReadStream } from 'node:fs';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ByteSink } from './pipeline.ts';

/** A file's bytes as an async iterable, read in 1 MiB chunks. */
export function fileBytes(path: string): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: 1 << 20 });
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
