import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import {
  type AnyFormat,
  type Batch,
  type ConvertStats,
  convert,
  type Limits,
} from '@conflict-events/io';
import { geoParquetFormat, writeGeoParquetPartitions } from '@conflict-events/parquet';
import type { ValidateOptions } from '@conflict-events/schema';
import { CliError } from './cli-error.ts';
import { discardSink, eventTap } from './event-tap.ts';
import {
  checkInputs,
  expandFolders,
  inputBytes,
  type OutputFile,
  openOutput,
  refuseInputAsOutput,
  standardStream,
} from './files.ts';
import { openOutputFolder } from './output-folder.ts';
import type { Progress } from './progress.ts';
import { outputFormatFor, registry } from './registry.ts';

export interface ConvertJob {
  inputs: readonly string[];
  output: string;
  /** Input format id; detected per input when absent. */
  from?: string;
  /** Output format id; from the output's extension when absent (NDJSON on standard output). */
  to?: string;
  readOptions: Record<string, unknown>;
  /** Writer options by name; each must be an option of the output format. */
  writeOptions: Record<string, { value: unknown; flag: string }>;
  rules: ValidateOptions | false;
  maxIssues: number;
  limits: Partial<Limits>;
  zipEntry?: string;
  rejects?: string;
  force: boolean;
  /** Changes each input's batches before the rules (ACLED deletions, GDELT mentions). */
  transform?: (batches: AsyncIterable<Batch>) => AsyncIterable<Batch>;
  /** The progress bar to move while reading, if one is drawn. */
  progress?: Progress;
  /** Write a Hive-partitioned GeoParquet folder, partitioned by these keys. */
  partitionBy?: readonly string[];
  /** Read options of single inputs (the partition values of a partitioned folder's files). */
  inputReadOptions?: ReadonlyMap<string, Record<string, unknown>>;
}

export interface ConvertTotals {
  records: number;
  events: number;
  rejected: number;
  errors: number;
  warnings: number;
  seconds: number;
  from: string[];
  to: string;
}

function resolveOutputFormat(job: ConvertJob): AnyFormat {
  if (job.partitionBy !== undefined) {
    if (job.to !== undefined && job.to !== geoParquetFormat.id) {
      throw new CliError(`--partition-by writes GeoParquet, not ${job.to}`);
    }
    if (job.output === standardStream) throw new CliError('--partition-by needs a folder, not -');
    return geoParquetFormat;
  }
  const format =
    job.to !== undefined
      ? registry.get(job.to)
      : job.output === standardStream
        ? registry.get('ndjson')
        : outputFormatFor(job.output);
  if (!format.capabilities.write || !format.write) {
    const writers = registry.formats.filter((candidate) => candidate.capabilities.write);
    throw new CliError(
      `the format ${format.id} cannot be written; formats that write are: ${writers.map((candidate) => candidate.id).join(', ')}`,
    );
  }
  return format;
}

/** Keeps only the options the output format has; naming one it lacks is a mistake worth saying. */
function writerOptions(format: AnyFormat, job: ConvertJob): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [name, { value, flag }] of Object.entries(job.writeOptions)) {
    if (!Object.hasOwn(format.defaultWriteOptions, name)) {
      throw new CliError(`${flag} does not apply to ${format.id} output`);
    }
    options[name] = value;
  }
  return options;
}

/**
 * Converts one or more inputs into one output. Every output is written atomically and kept
 * only when the whole run succeeds; on any error both the output and the rejects file are
 * removed (DESIGN.md §7).
 */
export async function convertFiles(job: ConvertJob): Promise<ConvertTotals> {
  const started = performance.now();
  if (job.inputs.length === 0) throw new CliError('no input given');
  const expanded = await expandFolders(job.inputs);
  job = { ...job, inputs: expanded.inputs, inputReadOptions: expanded.readOptions };
  refuseInputAsOutput(job.inputs, job.output, 'output');
  if (job.rejects !== undefined) {
    refuseInputAsOutput(job.inputs, job.rejects, 'rejects file');
    if (job.rejects === standardStream) throw new CliError('--rejects needs a file name');
    if (job.rejects === job.output) throw new CliError('--rejects must differ from the output');
  }
  if (job.from !== undefined) registry.get(job.from);
  const to = resolveOutputFormat(job);
  const writeOptions = writerOptions(to, job);
  await checkInputs(job.inputs);

  if (job.partitionBy !== undefined) return convertToFolder(job, writeOptions, started);
  const output = await openOutput(job.output, job.force);
  let rejects: OutputFile | undefined;
  try {
    if (job.rejects !== undefined) rejects = await openOutput(job.rejects, job.force);
    const runs =
      job.inputs.length === 1
        ? [
            await convertOne(
              job,
              job.inputs[0] ?? standardStream,
              to,
              writeOptions,
              output,
              rejects,
            ),
          ]
        : await concatenate(job, rejects, async (channel) => {
            const write = to.write;
            if (!write) throw new CliError(`the format ${to.id} cannot be written`);
            for await (const chunk of write(channel, writeOptions)) await output.write(chunk);
          });
    await rejects?.commit();
    await output.commit();
    return total(runs, to.id, (performance.now() - started) / 1000);
  } catch (error) {
    await Promise.allSettled([output.abort(), rejects?.abort()]);
    throw error;
  }
}

function baseOptions(job: ConvertJob, input: string, rejects: OutputFile | undefined) {
  return {
    input: inputBytes(input),
    fileName: input === standardStream ? 'stdin' : input,
    registry,
    readOptions: { ...job.readOptions, ...job.inputReadOptions?.get(input) },
    rules: job.rules,
    limits: job.limits,
    maxIssues: job.maxIssues,
    ...(job.from !== undefined ? { from: job.from } : {}),
    ...(job.zipEntry !== undefined ? { zipEntry: job.zipEntry } : {}),
    ...(rejects !== undefined ? { rejects } : {}),
    ...(job.transform !== undefined ? { transform: job.transform } : {}),
    ...(job.progress !== undefined ? { onProgress: job.progress.nextInput() } : {}),
  };
}

function convertOne(
  job: ConvertJob,
  input: string,
  to: AnyFormat,
  writeOptions: Record<string, unknown>,
  output: OutputFile,
  rejects: OutputFile | undefined,
): Promise<ConvertStats> {
  return convert({ ...baseOptions(job, input, rejects), to, writeOptions, output });
}

/**
 * Several inputs into one writer: each input runs through its own `convert` (its own
 * detection, rules and rejects), and the accepted batches flow through one object stream
 * into `consume` (the output format's writer, or the partitioned writer), with
 * back-pressure, so memory stays bounded.
 */
async function concatenate(
  job: ConvertJob,
  rejects: OutputFile | undefined,
  consume: (batches: AsyncIterable<Batch>) => Promise<unknown>,
): Promise<ConvertStats[]> {
  const channel = new PassThrough({ objectMode: true, highWaterMark: 1 });
  const relay = eventTap(async (item) => {
    if (!channel.write(item)) await once(channel, 'drain');
  });
  const runs: ConvertStats[] = [];
  const producing = (async () => {
    for (const input of job.inputs) {
      runs.push(
        await convert({ ...baseOptions(job, input, rejects), to: relay, output: discardSink }),
      );
    }
  })().then(
    () => channel.end(),
    (error: unknown) => channel.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  try {
    await consume(channel as AsyncIterable<Batch>);
  } catch (error) {
    channel.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  await producing;
  return runs;
}

/** A Hive-partitioned GeoParquet folder, kept only when the whole run succeeds. */
async function convertToFolder(
  job: ConvertJob,
  writeOptions: Record<string, unknown>,
  started: number,
): Promise<ConvertTotals> {
  const folder = await openOutputFolder(job.output, job.force);
  let rejects: OutputFile | undefined;
  try {
    if (job.rejects !== undefined) rejects = await openOutput(job.rejects, job.force);
    const runs = await concatenate(job, rejects, (batches) =>
      writeGeoParquetPartitions(batches, folder.openFile, {
        ...writeOptions,
        partitionBy: job.partitionBy ?? [],
      }),
    );
    await rejects?.commit();
    await folder.commit();
    return total(
      runs,
      `${geoParquetFormat.id} (partitioned)`,
      (performance.now() - started) / 1000,
    );
  } catch (error) {
    await Promise.allSettled([folder.abort(), rejects?.abort()]);
    throw error;
  }
}

function total(runs: readonly ConvertStats[], to: string, seconds: number): ConvertTotals {
  const sum = (key: 'records' | 'events' | 'rejected' | 'errors' | 'warnings') =>
    runs.reduce((count, run) => count + run[key], 0);
  return {
    records: sum('records'),
    events: sum('events'),
    rejected: sum('rejected'),
    errors: sum('errors'),
    warnings: sum('warnings'),
    seconds,
    from: runs.map((run) => run.from),
    to,
  };
}

/** The one-line summary on stderr that every conversion ends with. */
export function summaryLine(totals: ConvertTotals): string {
  const rate = totals.seconds > 0 ? Math.round(totals.events / totals.seconds) : totals.events;
  return `${[...new Set(totals.from)].join('+')} → ${totals.to}: records ${totals.records}, events ${totals.events}, rejected ${totals.rejected}, warnings ${totals.warnings}, errors ${totals.errors}, ${totals.seconds.toFixed(2)} s, ${rate} events/s`;
}
