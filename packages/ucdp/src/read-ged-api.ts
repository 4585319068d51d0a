import {
  type Batch,
  BatchBuilder,
  type CommonReadOptions,
  isJsonObject,
  type JsonObject,
  jsonCellText,
  readJsonPage,
  resolveLimits,
} from '@conflict-events/io';
import type { ValidationIssue } from '@conflict-events/schema';
import { columnOfPointer } from './field-of-pointer.ts';
import {
  type GedRecord,
  type MapContext,
  type MappedRecord,
  mapGedRecord,
} from './map-ged-record.ts';
import { type GedColumn, gedColumnOf } from './ucdp-columns.ts';
import type { UcdpReadOptions } from './ucdp-read-options.ts';

/**
 * Reads one page of the UCDP API (`{"TotalCount", "TotalPages", "NextPageUrl", "Result"}`).
 * A page holds at most a thousand events, so it is parsed whole; records are positioned by
 * their pointer (`/Result/3`).
 */
export async function* readGedApi(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<UcdpReadOptions> & CommonReadOptions = {},
): AsyncIterable<Batch> {
  const limits = resolveLimits(options.limits);
  const batchSize = options.batchSize ?? 1000;
  const { value: page, issues } = await readJsonPage(bytes, {
    limits,
    ...(options.file !== undefined ? { file: options.file } : {}),
  });
  const builder = new BatchBuilder(options.file, (pointer) => {
    const column = columnOfPointer(pointer);
    return column === undefined ? undefined : { field: column };
  });
  for (const issue of issues) builder.issue(issue);
  if (page === undefined) {
    yield builder.take();
    return;
  }
  const result = isJsonObject(page) ? page.Result : undefined;
  if (!Array.isArray(result)) {
    builder.issue({
      code: 'source-error',
      severity: 'error',
      message: 'the input is not a UCDP API page: it has no "Result" array',
      pointer: '/Result',
    });
    yield builder.take();
    return;
  }
  if (isJsonObject(page) && typeof page.NextPageUrl === 'string' && page.NextPageUrl !== '') {
    builder.issue({
      code: 'partial-input',
      severity: 'info',
      message: `this is one page of ${String(page.TotalPages)}; the next is ${page.NextPageUrl}`,
      pointer: '/NextPageUrl',
    });
  }
  const context: MapContext = {
    layout: 'ucdp-ged-api',
    ...(options.version !== undefined ? { version: options.version } : {}),
  };
  for (const [index, element] of result.entries()) {
    const position = { pointer: `/Result/${index}` };
    const raw = JSON.stringify(element) ?? 'null';
    const mapped = isJsonObject(element) ? mapElement(element, context) : undefined;
    if (!mapped)
      builder.reject(raw, position, [
        { code: 'type-error', severity: 'error', message: 'a Result element is not an object' },
      ]);
    else if (!mapped.candidate) builder.reject(raw, position, mapped.errors);
    else {
      for (const warning of mapped.warnings) builder.issue(warning, position);
      builder.accept(mapped.candidate, position, raw);
    }
    if (builder.size >= batchSize) yield builder.take();
  }
  if (builder.hasContent) yield builder.take();
}

function mapElement(element: JsonObject, context: MapContext): MappedRecord {
  const cells = new Map<GedColumn, string>();
  const extra: (readonly [string, string])[] = [];
  const errors: ValidationIssue[] = [];
  for (const [key, value] of Object.entries(element)) {
    const text = jsonCellText(value);
    if (text === undefined) {
      errors.push({
        code: 'type-error',
        severity: 'error',
        message: `"${key}" holds ${Array.isArray(value) ? 'an array' : 'an object'}, not a value`,
        field: key,
      });
      continue;
    }
    const column = gedColumnOf(key);
    if (column !== undefined && !cells.has(column)) cells.set(column, text);
    else extra.push([key, text]);
  }
  if (errors.length > 0) return { errors, warnings: [] };
  const record: GedRecord = {
    cell: (column) => cells.get(column) ?? '',
    fieldNumber: () => undefined,
    extra,
  };
  return mapGedRecord(record, context);
}
