import {
  type Batch,
  BatchBuilder,
  type CommonReadOptions,
  decodeText,
  LimitError,
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

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A JSON value as the cell text a CSV file would have: numbers as printed, null as empty. */
function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

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
  // RFC 8259: JSON exchanged between systems is UTF-8, so the encoding option is not used.
  const text = await decodeText(bytes, options.file !== undefined ? { file: options.file } : {});
  const parts: string[] = [];
  let length = 0;
  for await (const chunk of text.chunks) {
    length += chunk.length;
    if (length > limits.maxRecordLength)
      throw new LimitError(
        `the API page is longer than ${limits.maxRecordLength} characters (maxRecordLength)`,
        'maxRecordLength',
      );
    parts.push(chunk);
  }
  const builder = new BatchBuilder(options.file, (pointer) => {
    const column = columnOfPointer(pointer);
    return column === undefined ? undefined : { field: column };
  });
  for (const issue of text.issues) builder.issue(issue);
  let page: unknown;
  try {
    page = JSON.parse(parts.join(''));
  } catch (error) {
    builder.issue({
      code: 'source-error',
      severity: 'error',
      message: `the input is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
    yield builder.take();
    return;
  }
  const result = isObject(page) ? page.Result : undefined;
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
  if (isObject(page) && typeof page.NextPageUrl === 'string' && page.NextPageUrl !== '') {
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
    const mapped = isObject(element) ? mapElement(element, context) : undefined;
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
    const text = cellText(value);
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
