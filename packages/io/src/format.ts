import type { ConflictEvent, Dataset, ValidationIssue } from '@conflict-events/schema';
import type { Limits } from './limits.ts';

/** Where a record sits in its input. Rows count the header as row 1, as Frictionless does. */
export interface RecordPosition {
  /** Physical line the record starts on (1-based). */
  line?: number;
  /** Row number: for CSV the header is row 1 and the first data row row 2. */
  row?: number;
  /** Byte offset of the record's first byte in the (decompressed) input. */
  byteOffset?: number;
  /** JSON pointer of the record in a JSON document (`/events/3`). */
  pointer?: string;
}

/** A record that did not become an event: its text as in the input, where it was, and why. */
export interface RejectedRecord {
  position: RecordPosition;
  raw: string;
  issues: ValidationIssue[];
}

/**
 * What a reader yields: a run of records as events (shape-checked) and rejects, with the
 * issues found. `records` counts every input record the batch covers, so that over a whole
 * input `records = events + rejected` holds.
 */
export interface Batch {
  events: ConflictEvent[];
  /** Parallel to `events`: where each came from. */
  positions: RecordPosition[];
  /** Parallel to `events`: each record's text as in the input (for rejects files). */
  raws: string[];
  rejected: RejectedRecord[];
  /** Issues not tied to a rejected record: header problems, warnings on accepted records. */
  issues: ValidationIssue[];
  records: number;
  /** Text that precedes the records (a CSV header line), for writing rejects in the input's format. */
  preamble?: string;
  /** Dataset metadata read from the input, when the format carries it. */
  metadata?: DatasetMetadata;
}

export type DatasetMetadata = Omit<Dataset, 'events'>;

/**
 * Records per batch when a reader is not told otherwise. Small batches keep a batch's
 * events young while they are checked and written, so the garbage collector frees them
 * cheaply: on a 100k-row ACLED file, 100 a batch converts about a quarter faster than 1,000
 * (`bench/README.md`).
 */
export const defaultBatchSize = 100;

/** Options every reader accepts next to its own. */
export interface CommonReadOptions {
  /** File name for positions in issues. */
  file?: string;
  /** Records per batch. Default `defaultBatchSize` (100). */
  batchSize?: number;
  /** Size limits; see `defaultLimits`. */
  limits?: Partial<Limits>;
}

/** Options every writer accepts next to its own. */
export interface CommonWriteOptions {
  /** Dataset metadata, for formats that carry it. */
  metadata?: DatasetMetadata;
}

/** What a format can do; the conformance suite reads these to know what to test. */
export interface FormatCapabilities {
  read: boolean;
  write: boolean;
  /** Write then read gives back every event unchanged. */
  lossless: boolean;
  /**
   * The format is bytes laid out by offsets (Parquet), not text: a byte-order mark is no part
   * of it, and a cut file loses the footer that indexes every record, so none can be read.
   */
  binary?: boolean;
}

/** How rejected records are written back in the input's own format. */
export type RejectsLayout =
  /** The preamble (if any), then each raw record on its own line. */
  | 'lines'
  /** A JSON array of the raw elements. */
  | 'json-array';

/**
 * One format: identity, detection and the read/write functions, as one typed object
 * (`as const satisfies Format<…>`). Readers and writers take async iterables, so they run
 * in Node and in browsers alike.
 */
export interface Format<ReadOptions extends object = object, WriteOptions extends object = object> {
  id: string;
  name: string;
  /** Lower-case extensions without the dot, longest first where one ends another (`geojsonl`). */
  extensions: readonly string[];
  mediaTypes: readonly string[];
  capabilities: FormatCapabilities;
  rejectsLayout: RejectsLayout;
  /**
   * A generic reader (HXL-tagged CSV reads many sources) that yields to a specific format
   * when both recognise an input.
   */
  fallback?: boolean;
  /** A cheap look at the first bytes (after decompression): is this input in this format? */
  sniff(firstBytes: Uint8Array): boolean;
  defaultReadOptions: Readonly<ReadOptions>;
  /** The input's own name for the field at a pointer inside an event (a CSV column), for issues. */
  fieldOf?(pointer: string): { field: string; fieldNumber?: number } | undefined;
  defaultWriteOptions: Readonly<WriteOptions>;
  read?(
    bytes: AsyncIterable<Uint8Array>,
    options?: Partial<ReadOptions> & CommonReadOptions,
  ): AsyncIterable<Batch>;
  write?(
    events: AsyncIterable<ConflictEvent | Batch>,
    options?: Partial<WriteOptions> & CommonWriteOptions,
  ): AsyncIterable<Uint8Array>;
}

/** Any format, whatever its options (method parameters are bivariant, so every format fits). */
export type AnyFormat = Format<object, object>;
