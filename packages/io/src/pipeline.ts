import {
  type ConflictEvent,
  createEventValidator,
  type EventValidator,
  type ValidateOptions,
  type ValidationIssue,
} from '@conflict-events/schema';
import { positionIssue } from './batch-builder.ts';
import { type ByteSource, countBytes, peekBytes, toByteChunks } from './byte-source.ts';
import { decompress } from './decompress.ts';
import type {
  AnyFormat,
  Batch,
  DatasetMetadata,
  RecordPosition,
  RejectedRecord,
} from './format.ts';
import { type Limits, resolveLimits } from './limits.ts';
import { FormatDetectionError, type FormatRegistry } from './registry.ts';

/** Where output bytes go: a file, a stream, memory. `write` may be async (back-pressure). */
export interface ByteSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

export interface ConvertOptions {
  input: ByteSource;
  /** Name of the input, for detection by extension and for positions in issues. */
  fileName?: string;
  /** The input format (object or id); detected when absent. */
  from?: AnyFormat | string;
  /** The output format (object or id). */
  to: AnyFormat | string;
  /** Needed when formats are given by id or detected. */
  registry?: FormatRegistry;
  /** Options for the reader, passed through. */
  readOptions?: object;
  /** Options for the writer, passed through. */
  writeOptions?: object;
  /** Rule settings, or `false` to check the shape only. Default: every rule at its default. */
  rules?: ValidateOptions | false;
  limits?: Partial<Limits>;
  /** For a zip holding several files: the one to read. */
  zipEntry?: string;
  output: ByteSink;
  /** Rejected records in the input's format; without it they are only counted and reported. */
  rejects?: ByteSink;
  /** Called with every issue as it is found. */
  onIssue?(issue: ValidationIssue): void;
  /**
   * Changes the reader's batches before the rules run (join a GDELT mentions file, apply
   * ACLED's deletions). It must keep each batch's accounting: an event it drops becomes a
   * rejected record with its reason.
   */
  transform?(batches: AsyncIterable<Batch>): AsyncIterable<Batch>;
  /** Issues kept in the returned stats. Default 1000. */
  maxIssues?: number;
  /** Called after each batch with the work done so far (for progress bars and workers). */
  onProgress?(progress: ConvertProgress): void;
}

/** How far a conversion has got. */
export interface ConvertProgress {
  /** Input bytes read, as stored (compressed bytes for compressed input). */
  bytesIn: number;
  records: number;
  events: number;
  rejected: number;
}

export interface ConvertStats {
  from: string;
  to: string;
  compression: string;
  /** Input records seen; always `events + rejected`. */
  records: number;
  events: number;
  rejected: number;
  errors: number;
  warnings: number;
  infos: number;
  bytesIn: number;
  bytesOut: number;
  seconds: number;
  /** The first `maxIssues` issues. */
  issues: ValidationIssue[];
  /** True when more issues were found than kept. */
  issuesTruncated: boolean;
  /** Dataset metadata the input carried, if any. */
  metadata?: DatasetMetadata;
}

/** A reader broke the contract: its batch does not account for its records. */
export class AccountingError extends Error {
  override name = 'AccountingError';
}

const sniffBytes = 64 * 1024;
const noIssues: readonly ValidationIssue[] = [];

function resolveFormat(
  format: AnyFormat | string,
  registry: FormatRegistry | undefined,
): AnyFormat {
  if (typeof format !== 'string') return format;
  if (!registry) throw new Error(`a registry is needed to find the format "${format}"`);
  return registry.get(format);
}

function orderOf(position: RecordPosition): number {
  const index = position.pointer
    ? Number(position.pointer.slice(position.pointer.lastIndexOf('/') + 1))
    : Number.NaN;
  return (
    position.byteOffset ?? position.row ?? position.line ?? (Number.isFinite(index) ? index : 0)
  );
}

class Tally {
  records = 0;
  events = 0;
  rejected = 0;
  errors = 0;
  warnings = 0;
  infos = 0;
  issues: ValidationIssue[] = [];
  truncated = false;

  constructor(
    private readonly maxIssues: number,
    private readonly onIssue: ((issue: ValidationIssue) => void) | undefined,
  ) {}

  add(issue: ValidationIssue): void {
    if (issue.severity === 'error') this.errors += 1;
    else if (issue.severity === 'warning') this.warnings += 1;
    else this.infos += 1;
    if (this.issues.length < this.maxIssues) this.issues.push(issue);
    else this.truncated = true;
    this.onIssue?.(issue);
  }
}

const encoder = new TextEncoder();

/** Writes rejected records back in the input's own layout. */
class RejectsWriter {
  private started = false;
  private count = 0;

  constructor(
    private readonly sink: ByteSink,
    private readonly layout: AnyFormat['rejectsLayout'],
  ) {}

  async write(records: readonly RejectedRecord[], preamble: string | undefined): Promise<void> {
    if (records.length === 0) return;
    let text = '';
    if (!this.started) {
      this.started = true;
      if (this.layout === 'json-array') text += '[\n';
      else if (preamble !== undefined) text += `${preamble}\n`;
    }
    for (const record of records) {
      if (this.layout === 'json-array') text += `${this.count > 0 ? ',\n' : ''}${record.raw}`;
      else text += `${record.raw}\n`;
      this.count += 1;
    }
    await this.sink.write(encoder.encode(text));
  }

  async end(): Promise<void> {
    if (this.started && this.layout === 'json-array')
      await this.sink.write(encoder.encode('\n]\n'));
  }
}

/**
 * Reads an input in one format, checks every event (shape in the reader, then the rules),
 * writes the accepted events in another format, and accounts for every record: each input
 * record is an output event or a rejected record with its position and reasons.
 */
export async function convert(options: ConvertOptions): Promise<ConvertStats> {
  const started = performance.now();
  refuseWriteOnlyInput(options);
  const limits = resolveLimits(options.limits);
  const bytesIn = { bytes: 0 };
  const compressed = countBytes(toByteChunks(options.input), bytesIn);
  const decompressOptions: { limits: Limits; zipEntry?: string } = { limits };
  if (options.zipEntry !== undefined) decompressOptions.zipEntry = options.zipEntry;
  const input = await decompress(compressed, decompressOptions);
  const peeked = await peekBytes(input.chunks, sniffBytes);
  const empty = isEmptyInput(peeked.head);
  const from =
    options.from !== undefined
      ? resolveFormat(options.from, options.registry)
      : empty
        ? formatOfEmptyInput(options.registry, options.fileName, peeked.head)
        : detect(options.registry, options.fileName, peeked.head);
  const to = resolveFormat(options.to, options.registry);
  if (!from.read) throw new Error(`the format ${from.id} cannot be read`);
  if (!to.write) throw new Error(`the format ${to.id} cannot be written`);

  const tally = new Tally(options.maxIssues ?? 1000, options.onIssue);
  if (empty) {
    const issue: ValidationIssue = {
      code: 'empty-input',
      severity: 'warning',
      message: 'the input is empty: no header and no record',
      byteOffset: 0,
    };
    if (options.fileName !== undefined) issue.file = options.fileName;
    tally.add(issue);
  }
  const validator: EventValidator | undefined =
    options.rules === false ? undefined : createEventValidator(options.rules ?? {});
  const rejects = options.rejects
    ? new RejectsWriter(options.rejects, from.rejectsLayout)
    : undefined;
  const locate = from.fieldOf?.bind(from);
  const file = options.fileName;
  let preamble: string | undefined;
  let metadata: DatasetMetadata | undefined;

  const readOptions = { ...from.defaultReadOptions, ...options.readOptions, limits };
  if (file !== undefined) Object.assign(readOptions, { file });
  // An empty input has nothing to read: every format would say only that, and some (a JSON
  // document) would call it an error; the warning above says it once, the same for all.
  const read = empty ? emptyRecords() : from.read(peeked.chunks, readOptions);
  const batches = options.transform ? options.transform(read) : read;

  async function* accepted(): AsyncIterable<Batch> {
    for await (const batch of batches) {
      if (batch.records !== batch.events.length + batch.rejected.length) {
        throw new AccountingError(
          `the ${from.id} reader reported ${batch.records} records but gave ${batch.events.length} events and ${batch.rejected.length} rejects`,
        );
      }
      if (batch.preamble !== undefined) preamble = batch.preamble;
      if (batch.metadata !== undefined) metadata = batch.metadata;
      for (const issue of batch.issues) tally.add(issue);
      const rejected = [...batch.rejected];
      const events: ConflictEvent[] = [];
      const positions: RecordPosition[] = [];
      const raws: string[] = [];
      for (let index = 0; index < batch.events.length; index++) {
        const event = batch.events[index] as ConflictEvent;
        const position = batch.positions[index] ?? {};
        const raw = batch.raws[index] ?? '';
        const found = validator ? validator.checkRules(event) : noIssues;
        if (found.length > 0) {
          const positioned = found.map((issue) => positionIssue(issue, position, file, locate));
          if (positioned.some((issue) => issue.severity === 'error')) {
            rejected.push({ position, raw, issues: positioned });
            continue;
          }
          for (const issue of positioned) tally.add(issue);
        }
        events.push(event);
        positions.push(position);
        raws.push(raw);
      }
      // Reader rejects and rule rejects are merged back into input order.
      rejected.sort((a, b) => orderOf(a.position) - orderOf(b.position));
      for (const record of rejected) for (const issue of record.issues) tally.add(issue);
      tally.records += batch.records;
      tally.events += events.length;
      tally.rejected += rejected.length;
      if (rejects) await rejects.write(rejected, preamble);
      options.onProgress?.({
        bytesIn: bytesIn.bytes,
        records: tally.records,
        events: tally.events,
        rejected: tally.rejected,
      });
      const out: Batch = {
        events,
        positions,
        raws,
        rejected: [],
        issues: [],
        records: events.length,
      };
      // The input's dataset metadata goes on to writers that can hold it.
      if (batch.metadata !== undefined) out.metadata = batch.metadata;
      yield out;
    }
  }

  const writeOptions: Record<string, unknown> = {
    ...to.defaultWriteOptions,
    ...options.writeOptions,
  };
  let bytesOut = 0;
  for await (const chunk of to.write(accepted(), writeOptions)) {
    bytesOut += chunk.byteLength;
    await options.output.write(chunk);
  }
  await rejects?.end();

  const stats: ConvertStats = {
    from: from.id,
    to: to.id,
    compression: input.compression,
    records: tally.records,
    events: tally.events,
    rejected: tally.rejected,
    errors: tally.errors,
    warnings: tally.warnings,
    infos: tally.infos,
    bytesIn: bytesIn.bytes,
    bytesOut,
    seconds: (performance.now() - started) / 1000,
    issues: tally.issues,
    issuesTruncated: tally.truncated,
  };
  if (metadata !== undefined) stats.metadata = metadata;
  return stats;
}

/**
 * An input named or given as a format that is written only (KML, XLSX) is refused before any
 * byte is read: an XLSX file is a zip, and would otherwise fail as a zip of several files.
 */
function refuseWriteOnlyInput(options: ConvertOptions): void {
  const named =
    options.from !== undefined
      ? [resolveFormat(options.from, options.registry)]
      : options.fileName !== undefined && options.registry
        ? options.registry.byFileName(options.fileName)
        : [];
  if (named.length === 0 || named.some((format) => format.capabilities.read)) return;
  const what = options.fileName !== undefined ? `"${options.fileName}"` : 'the input';
  const names = named.map((format) => format.name).join(' or ');
  throw new FormatDetectionError(
    `${what} is ${names}, which can be written but not read`,
    named.map((format) => format.id),
  );
}

const byteOrderMarks = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/** No byte at all, or only a byte-order mark: nothing to read, whatever the format. */
function isEmptyInput(head: Uint8Array): boolean {
  return (
    head.length === 0 ||
    byteOrderMarks.some(
      (mark) => head.length === mark.length && mark.every((byte, index) => head[index] === byte),
    )
  );
}

/** Reads nothing: the format of an empty input no format can be told from. */
const emptyFormat: AnyFormat = {
  id: 'empty',
  name: 'Empty input',
  extensions: ['empty'],
  mediaTypes: ['application/octet-stream'],
  capabilities: { read: true, write: false, lossless: false },
  rejectsLayout: 'lines',
  sniff: isEmptyInput,
  defaultReadOptions: Object.freeze({}),
  defaultWriteOptions: Object.freeze({}),
  read: emptyRecords,
};

async function* emptyRecords(): AsyncIterable<Batch> {}

/**
 * An empty input is read by the format its name or content names, or by nothing when
 * neither can tell (an empty `.csv` could be canonical CSV or ACLED): the outcome is the
 * same, no record and an `empty-input` warning, rather than a detection error.
 */
function formatOfEmptyInput(
  registry: FormatRegistry | undefined,
  fileName: string | undefined,
  head: Uint8Array,
): AnyFormat {
  try {
    return detect(registry, fileName, head);
  } catch (error) {
    if (error instanceof FormatDetectionError) return emptyFormat;
    throw error;
  }
}

function detect(
  registry: FormatRegistry | undefined,
  fileName: string | undefined,
  head: Uint8Array,
): AnyFormat {
  if (!registry) throw new Error('a registry is needed to detect the input format');
  const input: { fileName?: string; head: Uint8Array; can: 'read' } = { head, can: 'read' };
  if (fileName !== undefined) input.fileName = fileName;
  return registry.detect(input);
}
