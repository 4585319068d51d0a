// Writes events as a Hive-partitioned GeoParquet dataset: `year=2024/country=SDN/part-0.parquet`.
// The caller opens the files (a folder at the Node edge, anything else elsewhere), so this
// stays isomorphic. Each partition collects its rows in its own buffer; a file is opened
// only when a row group is written, so partitions that interleave in the input do not each
// hold a file open. Memory is bounded twice: at most `maxBufferedEvents` events are held
// across all partitions, and at most `maxOpenFiles` files are open (as DuckDB bounds its
// PARTITION_BY writes).
import { type Batch, type CommonWriteOptions, eventArrays } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import { GeoParquetFileWriter } from './geoparquet-file-writer.ts';
import {
  checkPositiveInteger,
  defaultPartitionedWriteOptions,
  type PartitionedWriteOptions,
} from './geoparquet-options.ts';
import { hiveSegment } from './hive-path.ts';
import { type ParquetColumn, parquetColumns } from './parquet-columns.ts';
import { type PartitionKey, resolvePartitionKeys } from './partition-keys.ts';
import { HeldRows, RowFlattener, RowGroupBuffer } from './row-group-buffer.ts';
import { resolveWriteSettings, type WriteSettings } from './write-settings.ts';

/** Where one file's bytes go. `write` may return a promise (back-pressure). */
export interface PartitionSink {
  write(chunk: Uint8Array): void | Promise<void>;
  /** The file is complete. */
  close(): void | Promise<void>;
  /** Writing failed; the file is incomplete (an atomic sink removes its temporary file). */
  abort?(error: unknown): void | Promise<void>;
}

/** Opens the file at a path relative to the dataset's folder, `/`-separated. */
export type OpenPartitionSink = (relativePath: string) => PartitionSink | Promise<PartitionSink>;

export interface PartitionedWriteResult {
  events: number;
  /** Every file written, in the order they were finished. */
  files: { path: string; rows: number }[];
}

// Most file systems hold 255 bytes in one name.
const maxSegmentBytes = 255;
const encoder = new TextEncoder();

interface OpenFile {
  path: string;
  writer: GeoParquetFileWriter;
  sink: PartitionSink;
}

interface Partition {
  directory: string;
  /** Rows not yet written; none while the partition has nothing held. */
  buffer: HeldRows | undefined;
  file: OpenFile | undefined;
  /** Number of the next file of this partition. */
  nextPart: number;
}

type Settings = WriteSettings & { maxOpenFiles: number; maxBufferedEvents: number };

class PartitionedWriter {
  private readonly partitions = new Map<string, Partition>();
  // Insertion order is use order: the first entry is the file written least recently.
  private readonly open = new Map<string, Partition>();
  private buffered = 0;
  private readonly columns: readonly ParquetColumn[];
  private readonly flattener: RowFlattener;
  /** Encodes one partition's row group at a time. */
  private readonly encoder: RowGroupBuffer;
  readonly result: PartitionedWriteResult = { events: 0, files: [] };

  constructor(
    private readonly keys: readonly PartitionKey[],
    private readonly settings: Settings,
    private readonly openSink: OpenPartitionSink,
  ) {
    this.columns = parquetColumns.filter((column) => !keys.some((key) => key.column === column));
    this.flattener = new RowFlattener(this.columns);
    this.encoder = new RowGroupBuffer(this.columns);
  }

  private directoryOf(event: ConflictEvent): string {
    let directory = '';
    for (const key of this.keys) {
      const segment = hiveSegment(key.name, key.valueOf(event));
      // Up to three UTF-8 bytes a UTF-16 unit: most segments need no encoding to be checked.
      if (
        segment.length * 3 > maxSegmentBytes &&
        encoder.encode(segment).byteLength > maxSegmentBytes
      ) {
        throw new RangeError(
          `event "${String(event.id)}": the partition directory for ${key.name} would be longer than ${maxSegmentBytes} bytes; partition by a shorter column`,
        );
      }
      directory += `${segment}/`;
    }
    return directory;
  }

  /** Adds an event; returns a promise only when a row group must be written. */
  add(event: ConflictEvent): Promise<void> | undefined {
    const directory = this.directoryOf(event);
    let partition = this.partitions.get(directory);
    if (!partition) {
      partition = { directory, buffer: undefined, file: undefined, nextPart: 0 };
      this.partitions.set(directory, partition);
    }
    partition.buffer ??= new HeldRows(this.flattener);
    partition.buffer.add(event);
    this.buffered += 1;
    this.result.events += 1;
    if (partition.buffer.size >= this.settings.rowGroupSize) return this.writeRowGroup(partition);
    if (this.buffered >= this.settings.maxBufferedEvents) return this.writeFullest();
    return undefined;
  }

  private async fileOf(partition: Partition): Promise<OpenFile> {
    if (partition.file) {
      this.open.delete(partition.directory);
      this.open.set(partition.directory, partition);
      return partition.file;
    }
    if (this.open.size >= this.settings.maxOpenFiles) {
      const [oldest] = this.open.values();
      if (oldest) await this.finishFile(oldest);
    }
    const path = `${partition.directory}part-${partition.nextPart}.parquet`;
    partition.nextPart += 1;
    const file: OpenFile = {
      path,
      writer: new GeoParquetFileWriter({ ...this.settings, columns: this.columns }),
      sink: await this.openSink(path),
    };
    partition.file = file;
    this.open.set(partition.directory, partition);
    return file;
  }

  private async writeRowGroup(partition: Partition): Promise<void> {
    const buffer = partition.buffer;
    if (!buffer || buffer.size === 0) return;
    this.buffered -= buffer.size;
    // The buffer goes with its rows: partitions with nothing held hold no arrays.
    partition.buffer = undefined;
    const file = await this.fileOf(partition);
    buffer.moveTo(this.encoder);
    const bytes = file.writer.writeRowGroup(this.encoder);
    if (bytes) await file.sink.write(bytes);
  }

  /** Writes the largest buffer as an early row group, to stay under maxBufferedEvents. */
  private writeFullest(): Promise<void> | undefined {
    let fullest: Partition | undefined;
    for (const partition of this.partitions.values()) {
      const size = partition.buffer?.size ?? 0;
      if (size > (fullest?.buffer?.size ?? 0)) fullest = partition;
    }
    return fullest ? this.writeRowGroup(fullest) : undefined;
  }

  private async finishFile(partition: Partition): Promise<void> {
    const file = partition.file;
    if (!file) return;
    partition.file = undefined;
    this.open.delete(partition.directory);
    const rows = file.writer.rows;
    await file.sink.write(file.writer.finish());
    await file.sink.close();
    this.result.files.push({ path: file.path, rows });
  }

  /** Writes what each partition holds and finishes its file, one partition at a time. */
  async finishAll(): Promise<void> {
    for (const partition of this.partitions.values()) {
      await this.writeRowGroup(partition);
      await this.finishFile(partition);
    }
  }

  async abortAll(error: unknown): Promise<void> {
    const files = [...this.open.values()].flatMap((partition) => partition.file ?? []);
    this.open.clear();
    for (const file of files) await file.sink.abort?.(error);
  }
}

/**
 * Writes events into Hive partitions by `partitionBy` (`["year", "country"]` gives
 * `year=2024/country=SDN/part-0.parquet`). Partition columns are left out of the files, as
 * Hive, Spark and DuckDB do: readers take them from the path. `year` is derived from
 * `date_start`, which stays in the files.
 */
export async function writeGeoParquetPartitions(
  events: AsyncIterable<ConflictEvent | Batch> | Iterable<ConflictEvent | Batch>,
  openSink: OpenPartitionSink,
  options: Partial<PartitionedWriteOptions> & CommonWriteOptions = {},
): Promise<PartitionedWriteResult> {
  const keys = resolvePartitionKeys(
    options.partitionBy ?? defaultPartitionedWriteOptions.partitionBy,
  );
  const maxOpenFiles = checkPositiveInteger(
    'maxOpenFiles',
    options.maxOpenFiles ?? defaultPartitionedWriteOptions.maxOpenFiles,
  );
  const maxBufferedEvents = checkPositiveInteger(
    'maxBufferedEvents',
    options.maxBufferedEvents ?? defaultPartitionedWriteOptions.maxBufferedEvents,
  );
  const settings = { ...(await resolveWriteSettings(options)), maxOpenFiles, maxBufferedEvents };
  const writer = new PartitionedWriter(keys, settings, openSink);
  try {
    for await (const group of eventArrays(events)) {
      for (const event of group) {
        const pending = writer.add(event);
        if (pending) await pending;
      }
    }
    await writer.finishAll();
  } catch (error) {
    await writer.abortAll(error);
    throw error;
  }
  return writer.result;
}
