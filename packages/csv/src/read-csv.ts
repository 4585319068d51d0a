import {
  type Batch,
  BatchBuilder,
  type CommonReadOptions,
  type CsvColumn,
  columnOf,
  csvColumns,
  type DelimitedRecord,
  decodeRow,
  defaultBatchSize,
  type HeaderLayout,
  isHashtagRow,
  type RecordPosition,
  readDelimited,
  recordShapeIssues,
  requiredColumns,
  resolveLimits,
} from '@conflict-events/io';
import type { ValidationIssue } from '@conflict-events/schema';
import type { CsvReadOptions } from './csv-format.ts';

const byName = new Map(csvColumns.map((column) => [column.name, column]));

interface Header {
  layout: HeaderLayout;
  /** Columns outside the canonical set: kept in provenance.unmapped under their label. */
  extra: { index: number; key: string }[];
  width: number;
}

function readHeader(record: DelimitedRecord, report: (issue: ValidationIssue) => void): Header {
  const layout: (CsvColumn | undefined)[] = [];
  const extra: { index: number; key: string }[] = [];
  const seen = new Map<string, number>();
  record.fields.forEach((raw, index) => {
    const label = raw.trim().toLowerCase();
    const fieldNumber = index + 1;
    if (label === '') {
      report({
        code: 'blank-label',
        severity: 'error',
        message: `column ${fieldNumber} has no label; its cells are kept in provenance.unmapped as "column_${fieldNumber}"`,
        fieldNumber,
      });
      layout.push(undefined);
      extra.push({ index, key: `column_${fieldNumber}` });
      return;
    }
    const first = seen.get(label);
    if (first !== undefined) {
      report({
        code: 'duplicate-label',
        severity: 'error',
        message: `column ${fieldNumber} repeats the label "${raw}" of column ${first}; its cells are kept in provenance.unmapped as "${label}_${fieldNumber}"`,
        field: raw,
        fieldNumber,
      });
      layout.push(undefined);
      extra.push({ index, key: `${label}_${fieldNumber}` });
      return;
    }
    seen.set(label, fieldNumber);
    const column = byName.get(label);
    layout.push(column);
    if (!column) {
      report({
        code: 'extra-label',
        severity: 'warning',
        message: `"${raw}" is not a canonical column; its cells are kept in provenance.unmapped`,
        field: raw,
        fieldNumber,
      });
      extra.push({ index, key: raw.trim() });
    }
  });
  for (const name of requiredColumns) {
    if (!seen.has(name))
      report({
        code: 'missing-label',
        severity: 'error',
        message: `the header has no "${name}" column, which every event needs`,
        field: name,
      });
  }
  return { layout, extra, width: record.fields.length };
}

function isBlank(record: DelimitedRecord): boolean {
  return record.fields.every((field) => field.trim() === '');
}

/** Reads canonical CSV as batches of events and rejects, each positioned by row, line and byte. */
export async function* readCsv(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<CsvReadOptions> & CommonReadOptions = {},
): AsyncIterable<Batch> {
  const limits = resolveLimits(options.limits);
  const batchSize = options.batchSize ?? defaultBatchSize;
  const restore = options.restoreFormulas ?? true;
  const input = await readDelimited(bytes, {
    delimiter: options.delimiter ?? 'auto',
    quote: '"',
    encoding: options.encoding ?? 'utf-8',
    limits,
    batchSize,
    ...(options.file !== undefined ? { file: options.file } : {}),
  });
  const builder = new BatchBuilder(options.file, (pointer) => {
    const found = columnOf(pointer);
    return found ? { field: found.column.name } : undefined;
  });
  let header: Header | undefined;
  let preamble = '';
  let row = 0;
  for await (const batch of input.batches) {
    for (const issue of batch.issues) builder.issue(issue);
    for (const record of batch.records) {
      row += 1;
      const position: RecordPosition = { row, line: record.line, byteOffset: record.byteOffset };
      if (!header) {
        header = readHeader(record, (issue) => builder.issue(issue, position));
        preamble = record.raw;
        builder.setPreamble(preamble);
        continue;
      }
      if (row === 2 && isHashtagRow(record.fields)) {
        // An HXL hashtag row (HDX convention) under the header describes the columns.
        preamble = `${preamble}\n${record.raw}`;
        builder.setPreamble(preamble);
        continue;
      }
      if (isBlank(record) && record.fields.length <= 1) {
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
      const shape = recordShapeIssues(record, header.width, row);
      if (shape.errors.length > 0) {
        builder.reject(record.raw, position, shape.errors);
      } else {
        const decoded = decodeRow(record.fields, header.layout, restore, header.extra);
        if (decoded.issues.length > 0) builder.reject(record.raw, position, decoded.issues);
        else {
          if (shape.warning) builder.issue(shape.warning, position);
          builder.accept(decoded.candidate, position, record.raw);
        }
      }
      if (builder.size >= batchSize) yield builder.take();
    }
  }
  if (builder.hasContent) yield builder.take();
}
