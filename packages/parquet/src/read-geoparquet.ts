// Reads a (Geo)Parquet file from a random-access source, one row group at a time, into
// batches of events and rejects. Any Parquet file is read: the canonical columns become the
// event, other columns go to `provenance.unmapped`, and rows that are not valid events are
// rejected with the row and column they failed on.

import {
  type Batch,
  BatchBuilder,
  type CommonReadOptions,
  columnOf,
  type DatasetMetadata,
  defaultBatchSize,
  LimitError,
  type Limits,
  resolveLimits,
} from '@conflict-events/io';
import { DatasetSchema, type ValidationIssue } from '@conflict-events/schema';
import {
  type AsyncBuffer,
  type FileMetaData,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
} from 'hyparquet';
import { DecompressionGuard } from './decompression-guard.ts';
import { geoMetadataKey, readGeoMetadata } from './geo-metadata.ts';
import { readParsers } from './plain-values.ts';
import { type FileLayout, type PartitionValue, rowToCandidate } from './row-to-candidate.ts';
import { datasetMetadataKey } from './write-settings.ts';

/** Options of `readGeoParquetFile`: those of every reader, and the file's partition values. */
export interface GeoParquetFileReadOptions extends CommonReadOptions {
  /** Hive partition keys and values of the file's path (`readGeoParquetPartitions` sets them). */
  partition?: readonly PartitionValue[];
}

const magic = 'PAR1';
// Header magic, footer length and footer magic.
const smallestFile = 12;

function sourceError(message: string): ValidationIssue {
  return { code: 'source-error', severity: 'error', message };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function hasMagicAt(file: AsyncBuffer, start: number): Promise<boolean> {
  const bytes = new Uint8Array(await file.slice(start, start + 4));
  return String.fromCharCode(...bytes) === magic;
}

/** Why the source is not a Parquet file, or undefined when both magic numbers are there. */
async function notParquet(file: AsyncBuffer): Promise<string | undefined> {
  if (file.byteLength === 0) return 'the input is empty, not a Parquet file';
  if (file.byteLength < smallestFile) {
    return `${file.byteLength} bytes are too few for a Parquet file`;
  }
  if (!(await hasMagicAt(file, 0))) return 'not a Parquet file: it does not start with PAR1';
  if (!(await hasMagicAt(file, file.byteLength - 4))) {
    return 'the Parquet footer is missing (the file does not end with PAR1): it may be cut short';
  }
  return undefined;
}

function keyValue(metadata: FileMetaData, key: string): string | undefined {
  return metadata.key_value_metadata?.find((entry) => entry.key === key)?.value;
}

const DatasetMetadataSchema = DatasetSchema.omit({ events: true });

function datasetMetadata(
  metadata: FileMetaData,
  builder: BatchBuilder,
): DatasetMetadata | undefined {
  const text = keyValue(metadata, datasetMetadataKey);
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    builder.issue({
      code: 'invalid-json',
      severity: 'warning',
      message: `the "${datasetMetadataKey}" footer metadata is not JSON (${reason(error)}); it was left out`,
    });
    return undefined;
  }
  const parsed = DatasetMetadataSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  builder.issue({
    code: 'type-error',
    severity: 'warning',
    message: `the "${datasetMetadataKey}" footer metadata is not valid dataset metadata (${parsed.error.issues[0]?.message ?? 'invalid'}); it was left out`,
  });
  return undefined;
}

function fileLayout(
  metadata: FileMetaData,
  partition: readonly PartitionValue[],
  builder: BatchBuilder,
): FileLayout {
  const fileColumns = parquetSchema(metadata).children.map((child) => child.element.name);
  const geo = readGeoMetadata(keyValue(metadata, geoMetadataKey));
  if (geo.problem) {
    builder.issue({
      code: 'source-error',
      severity: 'warning',
      message: `${geo.problem}; no geometry column was read`,
    });
  }
  const pointFromColumns = fileColumns.includes('latitude') || fileColumns.includes('longitude');
  // Coverings are derived from the geometry, and the geometry is needed only when the
  // file has no latitude/longitude: columns not needed are not decoded.
  const columns = fileColumns.filter((name) => !geo.spatial.has(name));
  const layout: FileLayout = {
    columns,
    columnNumbers: new Map(fileColumns.map((name, index) => [name, index + 1])),
    geo,
    pointFromColumns,
    partition,
  };
  if (geo.primary !== undefined && !pointFromColumns && fileColumns.includes(geo.primary)) {
    layout.geometryIndex = columns.push(geo.primary) - 1;
  }
  return layout;
}

async function guardedDecompressors(file: AsyncBuffer, limits: Limits) {
  // Loaded on first read: the zstd, gzip, brotli and lz4 decoders are not needed to detect
  // or write files.
  const { compressors } = await import('hyparquet-compressors');
  const guard = new DecompressionGuard(file.byteLength, limits);
  return { guard, decompressors: guard.wrap(compressors) };
}

/**
 * Reads a Parquet file from a random-access source (a Blob or File through
 * `asyncBufferFromBlob`, a file handle at the Node edge). Memory holds one row group.
 */
export async function* readGeoParquetFile(
  file: AsyncBuffer,
  options: GeoParquetFileReadOptions = {},
): AsyncIterable<Batch> {
  const batchSize = options.batchSize ?? defaultBatchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  }
  const limits = resolveLimits(options.limits);
  let columnNumbers: ReadonlyMap<string, number> = new Map();
  const builder = new BatchBuilder(options.file, (pointer) => {
    const found = columnOf(pointer);
    if (!found) return undefined;
    const number = columnNumbers.get(found.column.name);
    return number === undefined
      ? { field: found.column.name }
      : { field: found.column.name, fieldNumber: number };
  });

  const problem = await notParquet(file);
  if (problem) {
    builder.issue(sourceError(problem));
    yield builder.take();
    return;
  }
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file, { geoparquet: false, parsers: readParsers });
  } catch (error) {
    builder.issue(sourceError(`the Parquet footer cannot be read: ${reason(error)}`));
    yield builder.take();
    return;
  }
  const layout = fileLayout(metadata, options.partition ?? [], builder);
  columnNumbers = layout.columnNumbers;
  const dataset = datasetMetadata(metadata, builder);
  const { guard, decompressors } = await guardedDecompressors(file, limits);

  let groupStart = 0;
  for (const [groupIndex, group] of metadata.row_groups.entries()) {
    const groupEnd = groupStart + Number(group.num_rows);
    let rows: unknown[][] = [];
    try {
      await parquetRead({
        file,
        metadata,
        columns: [...layout.columns],
        rowStart: groupStart,
        rowEnd: groupEnd,
        compressors: decompressors,
        parsers: readParsers,
        utf8: false,
        geoparquet: false,
        onComplete: (read: unknown[][]) => {
          rows = read;
        },
      });
    } catch (error) {
      if (guard.error) throw guard.error;
      if (error instanceof LimitError) throw error;
      // A broken row group loses its rows, not the file: the next one may read.
      builder.issue(
        sourceError(
          `row group ${groupIndex + 1} (rows ${groupStart + 2}–${groupEnd + 1}) cannot be read and was skipped: ${reason(error)}`,
        ),
      );
      groupStart = groupEnd;
      continue;
    }
    for (const [index, row] of rows.entries()) {
      // Rows are numbered as Frictionless does: the column names count as row 1.
      const position = { row: groupStart + index + 2 };
      const decoded = rowToCandidate(row, layout);
      if (decoded.issues.length > 0) builder.reject(decoded.raw, position, decoded.issues);
      else builder.accept(decoded.candidate, position, decoded.raw);
      if (builder.size >= batchSize) yield builder.take();
    }
    groupStart = groupEnd;
  }
  if (dataset) builder.setMetadata(dataset);
  if (builder.hasContent || dataset) yield builder.take();
}
