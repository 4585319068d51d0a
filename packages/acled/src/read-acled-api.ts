import {
  type Batch,
  BatchBuilder,
  type CommonReadOptions,
  decodeText,
  LimitError,
  resolveLimits,
} from '@conflict-events/io';
import type { ValidationIssue } from '@conflict-events/schema';
import { type AcledColumn, acledColumnOf } from './acled-columns.ts';
import { type AcledReadOptions, defaultAcledReadOptions } from './acled-options.ts';
import { columnOfPointer } from './field-of-pointer.ts';
import { type MapContext, type MappedRecord, mapAcledRecord } from './map-acled-record.ts';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A JSON value as the cell text a CSV export would have: numbers as printed, null as empty. */
function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * Reads an ACLED API response (`{"status", "success", "count", "data": [...]}`), whose
 * elements have the keys of the 2023 CSV layout with numbers as numbers or strings. A
 * response is one page, so it is parsed whole; records are positioned by pointer (`/data/3`).
 */
export async function* readAcledApi(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<AcledReadOptions> & CommonReadOptions = {},
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
        `the API response is longer than ${limits.maxRecordLength} characters (maxRecordLength)`,
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
  const data = isObject(page) ? page.data : undefined;
  if (!Array.isArray(data)) {
    builder.issue({
      code: 'source-error',
      severity: 'error',
      message: 'the input is not an ACLED API response: it has no "data" array',
      pointer: '/data',
    });
    yield builder.take();
    return;
  }
  if (isObject(page) && page.success === false) {
    builder.issue({
      code: 'source-error',
      severity: 'error',
      message: `the API reported a failure: ${JSON.stringify(page.error ?? page.messages ?? null)}`,
      pointer: '/success',
    });
  }
  const context: MapContext = {
    layout: 'acled-api-json',
    zeroFatalities: options.zeroFatalities ?? defaultAcledReadOptions.zeroFatalities,
    restoreFormulas: options.restoreFormulas ?? defaultAcledReadOptions.restoreFormulas,
    ...(options.version !== undefined ? { version: options.version } : {}),
  };
  for (const [index, element] of data.entries()) {
    const position = { pointer: `/data/${index}` };
    const raw = JSON.stringify(element) ?? 'null';
    const mapped = isObject(element) ? mapElement(element, context) : undefined;
    if (!mapped)
      builder.reject(raw, position, [
        { code: 'type-error', severity: 'error', message: 'a "data" element is not an object' },
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
  const cells = new Map<AcledColumn, string>();
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
    const column = acledColumnOf(key);
    if (column !== undefined && !cells.has(column)) cells.set(column, text);
    else extra.push([key, text]);
  }
  if (errors.length > 0) return { errors, warnings: [] };
  return mapAcledRecord(
    { cell: (column) => cells.get(column) ?? '', fieldNumber: () => undefined, extra },
    context,
  );
}
