import {
  type Batch,
  BatchBuilder,
  type CommonReadOptions,
  type DelimitedRecord,
  defaultBatchSize,
  isHashtagRow,
  type RecordPosition,
  readDelimited,
  recordShapeIssues,
  resolveLimits,
} from '@conflict-events/io';
import type { ValidationIssue } from '@conflict-events/schema';
import {
  type AcledColumn,
  type AcledLayout,
  acledColumnOf,
  layoutOfColumns,
} from './acled-columns.ts';
import { type AcledReadOptions, defaultAcledReadOptions } from './acled-options.ts';
import { columnOfPointer } from './field-of-pointer.ts';
import { type AcledRecord, type MapContext, mapAcledRecord } from './map-acled-record.ts';

/** How the cells of each record are read: which ACLED column each position holds. */
export interface HeaderLayout {
  layout: Exclude<AcledLayout, 'acled-api-json'>;
  indexOf: ReadonlyMap<AcledColumn, number>;
  /** Positions under labels ACLED does not use, kept in provenance.unmapped under `key`. */
  extra: readonly { index: number; key: string }[];
  width: number;
  /** The header names the id column; without it no row can become an event. */
  usable: boolean;
}

/** Reads a header row (labels in any case); problems go to `report`. */
export function readHeader(
  fields: readonly string[],
  report: (issue: ValidationIssue) => void,
): HeaderLayout {
  const indexOf = new Map<AcledColumn, number>();
  const extra: { index: number; key: string }[] = [];
  const labels = fields.map((field, index) => (index === 0 ? field.replace(/^\uFEFF/, '') : field));
  labels.forEach((raw, index) => {
    const fieldNumber = index + 1;
    const label = raw.trim();
    const column = acledColumnOf(label);
    const first = column === undefined ? undefined : indexOf.get(column);
    if (column !== undefined && first === undefined) {
      indexOf.set(column, index);
      return;
    }
    const key =
      label === ''
        ? `column_${fieldNumber}`
        : first === undefined
          ? label
          : `${label}_${fieldNumber}`;
    report({
      code: label === '' ? 'blank-label' : first === undefined ? 'extra-label' : 'duplicate-label',
      severity: first === undefined ? 'warning' : 'error',
      message: `column ${fieldNumber} ${label === '' ? 'has no label' : first === undefined ? `("${label}") is not an ACLED column` : `repeats "${label}" of column ${first + 1}`}; its cells are kept in provenance.unmapped as "${key}"`,
      field: key,
      fieldNumber,
    });
    extra.push({ index, key });
  });
  const usable = indexOf.has('event_id_cnty');
  for (const name of ['event_id_cnty', 'event_date', 'time_precision', 'geo_precision'] as const) {
    if (!indexOf.has(name))
      report({
        code: 'missing-label',
        severity: 'error',
        message: `the header has no "${name}" column, which every ACLED event needs`,
        field: name,
      });
  }
  const named = labels.filter((label) => acledColumnOf(label) !== undefined);
  const upperCase =
    named.length > 0 && named.every((label) => label.trim() === label.trim().toUpperCase());
  return {
    layout: layoutOfColumns(new Set(indexOf.keys()), upperCase),
    indexOf,
    extra,
    width: fields.length,
    usable,
  };
}

const noExtra: readonly (readonly [string, string])[] = [];

/** A CSV record's cells by ACLED column, through the header's layout. */
class CsvAcledRecord implements AcledRecord {
  readonly extra: readonly (readonly [string, string])[];

  constructor(
    private readonly fields: readonly string[],
    private readonly header: HeaderLayout,
  ) {
    this.extra =
      header.extra.length === 0
        ? noExtra
        : header.extra.map(({ index, key }) => [key, fields[index] ?? ''] as const);
  }

  cell(column: AcledColumn): string {
    const index = this.header.indexOf.get(column);
    return index === undefined ? '' : (this.fields[index] ?? '');
  }

  fieldNumber(column: AcledColumn): number | undefined {
    const index = this.header.indexOf.get(column);
    return index === undefined ? undefined : index + 1;
  }
}

function isBlank(record: DelimitedRecord): boolean {
  return record.fields.length <= 1 && record.fields.every((field) => field.trim() === '');
}

/** Reads ACLED CSV (any layout with a header) as batches positioned by row, line and byte. */
export async function* readAcledCsv(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<AcledReadOptions> & CommonReadOptions = {},
): AsyncIterable<Batch> {
  const limits = resolveLimits(options.limits);
  const batchSize = options.batchSize ?? defaultBatchSize;
  const input = await readDelimited(bytes, {
    delimiter: options.delimiter ?? defaultAcledReadOptions.delimiter,
    quote: '"',
    encoding: options.encoding ?? defaultAcledReadOptions.encoding,
    limits,
    batchSize,
    ...(options.file !== undefined ? { file: options.file } : {}),
  });
  let header: HeaderLayout | undefined;
  const builder = new BatchBuilder(options.file, (pointer) => {
    const column = columnOfPointer(pointer);
    if (column === undefined) return undefined;
    const index = header?.indexOf.get(column);
    return index === undefined ? { field: column } : { field: column, fieldNumber: index + 1 };
  });
  const context: MapContext = {
    layout: 'acled-2023',
    zeroFatalities: options.zeroFatalities ?? defaultAcledReadOptions.zeroFatalities,
    restoreFormulas: options.restoreFormulas ?? defaultAcledReadOptions.restoreFormulas,
    ...(options.version !== undefined ? { version: options.version } : {}),
  };
  let row = 0;
  let preamble = '';
  for await (const batch of input.batches) {
    for (const issue of batch.issues) builder.issue(issue);
    for (const record of batch.records) {
      row += 1;
      const position: RecordPosition = { row, line: record.line, byteOffset: record.byteOffset };
      if (!header) {
        header = readHeader(record.fields, (issue) => builder.issue(issue, position));
        context.layout = header.layout;
        preamble = record.raw;
        builder.setPreamble(preamble);
        continue;
      }
      if (row === 2 && isHashtagRow(record.fields)) {
        // HDX publishes ACLED with a row of HXL hashtags under the header: part of the header.
        preamble = `${preamble}\n${record.raw}`;
        builder.setPreamble(preamble);
        continue;
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
      if (!header.usable) {
        problems.push({
          code: 'source-error',
          severity: 'error',
          message: 'the header has no "event_id_cnty" column: this is not an ACLED file',
        });
      }
      const shape = recordShapeIssues(record, header.width, row);
      problems.push(...shape.errors);
      if (problems.length > 0) builder.reject(record.raw, position, problems);
      else {
        const mapped = mapAcledRecord(new CsvAcledRecord(record.fields, header), context);
        if (!mapped.candidate) builder.reject(record.raw, position, mapped.errors);
        else {
          for (const warning of mapped.warnings) builder.issue(warning, position);
          if (shape.warning) builder.issue(shape.warning, position);
          builder.accept(mapped.candidate, position, record.raw);
        }
      }
      if (builder.size >= batchSize) yield builder.take();
    }
  }
  if (builder.hasContent) yield builder.take();
}
