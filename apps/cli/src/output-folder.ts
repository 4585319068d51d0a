// A folder output (a Hive-partitioned GeoParquet dataset), written as atomically as a file
// output: everything goes into a temporary folder beside the target, which replaces the
// target only when the whole run succeeds; on an error or a signal it is removed.
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { OpenPartitionSink } from '@conflict-events/parquet';
import { CliError, fileErrorReason } from './cli-error.ts';
import { guardOutput } from './output-guard.ts';

export interface OutputFolder {
  /** Opens a file at a `/`-separated path inside the folder. */
  openFile: OpenPartitionSink;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openOutputFolder(path: string, force: boolean): Promise<OutputFolder> {
  const target = resolve(path);
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw new CliError(`cannot write the folder ${path}: a file of that name exists`);
  }
  if (existing && !force) throw new CliError(`${path} already exists; pass --force to replace it`);
  const stamp = `${process.pid}.${Date.now().toString(36)}`;
  const temporary = join(dirname(target), `.${basename(target)}.${stamp}.tmp`);
  await mkdir(temporary).catch((error: unknown) => {
    throw new CliError(`cannot write ${path}: ${fileErrorReason(error)}`);
  });
  let done = false;
  const folder: OutputFolder = {
    async openFile(relativePath) {
      const file = resolve(temporary, ...relativePath.split('/'));
      // The partition writer escapes its path segments; this is the belt to those braces.
      if (!file.startsWith(temporary + sep)) throw new Error(`${relativePath} leaves the folder`);
      await mkdir(dirname(file), { recursive: true });
      const handle = await open(file, 'wx');
      return {
        write: async (chunk) => {
          await handle.write(chunk);
        },
        close: () => handle.close(),
        abort: () => handle.close().catch(() => undefined),
      };
    },
    async commit() {
      release();
      if (done) return;
      done = true;
      if (existing) {
        const old = join(dirname(target), `.${basename(target)}.${stamp}.old`);
        await rename(target, old);
        await rename(temporary, target);
        await rm(old, { recursive: true, force: true });
      } else await rename(temporary, target);
    },
    async abort() {
      release();
      if (done) return;
      done = true;
      await rm(temporary, { recursive: true, force: true });
    },
  };
  const release = guardOutput(folder);
  return folder;
}
