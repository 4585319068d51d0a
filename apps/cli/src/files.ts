import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ByteSink } from '@conflict-events/io';
import { fileBytes, openAtomicFile, samePath } from '@conflict-events/io/node';
import { partitionValuesOf } from '@conflict-events/parquet';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CliError, fileErrorReason } from './cli-error.ts';
import { guardOutput } from './output-guard.ts';

/** `-` names standard input or output, as most Unix tools do. */
export const standardStream = '-';

/**
 * Expands glob patterns among the arguments (`data/**\/*.csv`), for shells that do not (a
 * quoted pattern, Windows, a GitHub Action input). A path that exists is taken as it is even
 * if it looks like a pattern; a pattern that matches no file is an error, not silence.
 */
export async function expandGlobs(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    if (arg === standardStream || !isDynamicPattern(arg) || (await stat(arg).catch(() => null))) {
      files.push(arg);
      continue;
    }
    const matches = await glob(arg, { onlyFiles: true, expandDirectories: false, dot: false });
    if (matches.length === 0) throw new CliError(`no file matches ${arg}`);
    files.push(...matches.sort());
  }
  return files;
}

/** Inputs with folders replaced by their files, and the read options each file needs. */
export interface ExpandedInputs {
  inputs: string[];
  readOptions: Map<string, Record<string, unknown>>;
}

/**
 * A folder input is a (Hive-partitioned) GeoParquet dataset: its `.parquet` files, in sorted
 * order, each read with the partition values of its path (`year=2024/country=SDN/…`), since
 * partitioned files leave those columns to the path.
 */
export async function expandFolders(inputs: readonly string[]): Promise<ExpandedInputs> {
  const expanded: ExpandedInputs = { inputs: [], readOptions: new Map() };
  for (const input of inputs) {
    const info = input === standardStream ? undefined : await stat(input).catch(() => undefined);
    if (!info?.isDirectory()) {
      expanded.inputs.push(input);
      continue;
    }
    const files = (
      await glob('**/*.{parquet,geoparquet}', { cwd: input, onlyFiles: true, dot: false })
    ).sort();
    if (files.length === 0) throw new CliError(`the folder ${input} holds no .parquet file`);
    for (const relative of files) {
      const path = join(input, relative);
      expanded.inputs.push(path);
      expanded.readOptions.set(path, { partition: partitionValuesOf(relative) });
    }
  }
  return expanded;
}

/** Checks that each input can be read before any work starts, so errors come early and alone. */
export async function checkInputs(inputs: readonly string[]): Promise<void> {
  if (inputs.filter((input) => input === standardStream).length > 1) {
    throw new CliError('standard input (-) can be read only once');
  }
  for (const input of inputs) {
    if (input === standardStream) continue;
    const info = await stat(input).catch((error: unknown) => {
      throw new CliError(`cannot read ${input}: ${fileErrorReason(error)}`);
    });
    if (!info.isFile()) throw new CliError(`cannot read ${input}: not a file`);
  }
}

/** An input's bytes: a file in 1 MiB chunks, or standard input. */
export function inputBytes(input: string): AsyncIterable<Uint8Array> {
  return input === standardStream ? process.stdin : fileBytes(input);
}

/** An output path that must not be one of the inputs (DESIGN.md §7: an input is never overwritten). */
export function refuseInputAsOutput(inputs: readonly string[], output: string, what: string): void {
  if (output === standardStream) return;
  const clash = inputs.find((input) => input !== standardStream && samePath(input, output));
  if (clash !== undefined) {
    throw new CliError(`refusing to write the ${what} over the input ${clash}`);
  }
}

/** An output being written: bytes go in, then it is kept (`commit`) or thrown away (`abort`). */
export interface OutputFile extends ByteSink {
  commit(): Promise<void>;
  abort(): Promise<void>;
}

async function writeStdout(chunk: Uint8Array): Promise<void> {
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
}

/**
 * Opens an output: standard output as it is, a file atomically (a temporary file beside it,
 * renamed into place on commit). An existing file is replaced only with `force`.
 */
export async function openOutput(path: string, force: boolean): Promise<OutputFile> {
  if (path === standardStream) {
    return { write: writeStdout, commit: async () => undefined, abort: async () => undefined };
  }
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new CliError(`cannot write ${path}: it is a directory`);
  if (existing && !force) {
    throw new CliError(`${path} already exists; pass --force to replace it`);
  }
  const sink = await openAtomicFile(path).catch((error: unknown) => {
    throw new CliError(`cannot write ${path}: ${fileErrorReason(error)}`);
  });
  const release = guardOutput(sink);
  const failed = (error: unknown) => {
    throw new CliError(`cannot write ${path}: ${fileErrorReason(error)}`);
  };
  return {
    write: (chunk) => Promise.resolve(sink.write(chunk)).catch(failed),
    async commit() {
      release();
      await sink.commit().catch(failed);
    },
    async abort() {
      release();
      await sink.abort();
    },
  };
}
