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
import { type AcledColumn, acledColumnOf } from './acled-columns.ts';
import { type AcledReadOptions, defaultAcledReadOptions } from './acled-options.ts';
import { columnOfPointer } from './field-of-pointer.ts';
import { type MapContext, type MappedRecord, mapAcledRecord } from './map-acled-record.ts';

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
  const data = isJsonObject(page) ? page.data : undefined;
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
  if (isJsonObject(page) && page.success === false) {
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
    const mapped = isJsonObject(element) ? mapElement(element, context) : undefined;
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
