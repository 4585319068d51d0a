import {
  type Batch,
  BatchBuilder,
  type CommonReadOptions,
  type DelimitedRecord,
  defaultBatchSize,
  type RecordPosition,
  readDelimited,
  recordShapeIssues,
  resolveLimits,
} from '@conflict-events/io';
import type { ValidationIssue } from '@conflict-events/schema';
import {
  type ColumnLayout,
  headerLayout,
  headerlessLayout,
  isHashtagRow,
  startsWithRecord,
} from './detect-layout.ts';
import { columnOfPointer } from './field-of-pointer.ts';
import { type GedRecord, mapGedRecord } from './map-ged-record.ts';
import type { GedColumn } from './ucdp-columns.ts';
import type { UcdpReadOptions } from './ucdp-read-options.ts';

function isBlank(record: DelimitedRecord): boolean {
  return record.fields.length <= 1 && record.fields.every((field) => field.trim() === '');
}

function toGedRecord(fields: readonly string[], layout: ColumnLayout): GedRecord {
  const indexOf = new Map<GedColumn, number>();
  layout.columns.forEach((column, index) => {
    if (column !== undefined) indexOf.set(column, index);
  });
  return {
    cell(column) {
      const index = indexOf.get(column);
      return index === undefined ? '' : (fields[index] ?? '');
    },
    fieldNumber(column) {
      const index = indexOf.get(column);
      return index === undefined ? undefined : index + 1;
    },
    extra: layout.extra.map(({ index, key }) => [key, fields[index] ?? ''] as const),
  };
}

/** Reads GED CSV (20.1+, 19.1, HDX, headerless) as batches positioned by row, line and byte. */
export async function* readGedCsv(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<UcdpReadOptions> & CommonReadOptions = {},
): AsyncIterable<Batch> {
  const limits = resolveLimits(options.limits);
  const batchSize = options.batchSize ?? defaultBatchSize;
  const input = await readDelimited(bytes, {
    delimiter: options.delimiter ?? ',',
    quote: '"',
    encoding: options.encoding ?? 'utf-8',
    limits,
    batchSize,
    ...(options.file !== undefined ? { file: options.file } : {}),
  });
  let layout: ColumnLayout | undefined;
  /** The first row had no header and matched no layout: every row is rejected. */
  let unreadable = false;
  const builder = new BatchBuilder(options.file, (pointer) => {
    const column = columnOfPointer(pointer);
    if (column === undefined) return undefined;
    const index = layout?.columns.indexOf(column) ?? -1;
    return index === -1 ? { field: column } : { field: column, fieldNumber: index + 1 };
  });
  const context = {
    layout: 'ucdp-ged-49' as ColumnLayout['layout'],
    ...(options.version !== undefined ? { version: options.version } : {}),
  };
  let row = 0;
  let preamble: string[] = [];
  let expectHashtags = false;
  for await (const batch of input.batches) {
    for (const issue of batch.issues) builder.issue(issue);
    for (const record of batch.records) {
      row += 1;
      const position: RecordPosition = { row, line: record.line, byteOffset: record.byteOffset };
      if (!layout && !unreadable) {
        const headerless = headerlessLayout(record.fields);
        if (headerless) layout = headerless;
        else if (startsWithRecord(record.fields)) {
          unreadable = true;
          builder.issue(
            {
              code: 'source-error',
              severity: 'error',
              message: `the first row has no header and ${record.fields.length} cells; headerless GED files have 49 (20.1+) or 42 (19.1)`,
            },
            position,
          );
        } else {
          layout = headerLayout(record.fields, (issue) => builder.issue(issue, position));
          preamble = [record.raw];
          builder.setPreamble(record.raw);
          expectHashtags = true;
          context.layout = layout.layout;
          continue;
        }
        if (layout) context.layout = layout.layout;
      }
      if (expectHashtags) {
        expectHashtags = false;
        // HDX puts HXL hashtags under the header; they describe the columns, so they belong
        // with the header in the preamble.
        if (layout && isHashtagRow(record.fields)) {
          preamble.push(record.raw);
          builder.setPreamble(preamble.join('\n'));
          layout = { ...layout, layout: 'ucdp-ged-hdx' };
          context.layout = 'ucdp-ged-hdx';
          continue;
        }
      }
      if (isBlank(record)) {
        builder.issue(
          {
            code: 'blank-row',
            severity: 'warning',
            message: `row ${row} is blank and was skipped`,
          },
          position,
        );
        continue;
      }
      const problems: ValidationIssue[] = [];
      if (!layout) {
        problems.push({
          code: 'source-error',
          severity: 'error',
          message: 'the file has no header and its rows match no GED layout',
        });
      }
      const shape = layout ? recordShapeIssues(record, layout.width, row, 'the layout') : undefined;
      if (shape) problems.push(...shape.errors);
      if (problems.length > 0 || !layout) builder.reject(record.raw, position, problems);
      else {
        const mapped = mapGedRecord(toGedRecord(record.fields, layout), context);
        if (!mapped.candidate) builder.reject(record.raw, position, mapped.errors);
        else {
          for (const warning of mapped.warnings) builder.issue(warning, position);
          if (shape?.warning) builder.issue(shape.warning, position);
          builder.accept(mapped.candidate, position, record.raw);
        }
      }
      if (builder.size >= batchSize) yield builder.take();
    }
  }
  if (builder.hasContent) yield builder.take();
}
