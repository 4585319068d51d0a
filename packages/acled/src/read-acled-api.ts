import {
  type Batch,
  type CommonReadOptions,
  type JsonObject,
  jsonCellText,
  readJsonPageRecords,
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
  const context: MapContext = {
    layout: 'acled-api-json',
    zeroFatalities: options.zeroFatalities ?? defaultAcledReadOptions.zeroFatalities,
    restoreFormulas: options.restoreFormulas ?? defaultAcledReadOptions.restoreFormulas,
    ...(options.version !== undefined ? { version: options.version } : {}),
  };
  yield* readJsonPageRecords(
    bytes,
    {
      limits: resolveLimits(options.limits),
      batchSize: options.batchSize ?? 1000,
      locate: (pointer) => {
        const column = columnOfPointer(pointer);
        return column === undefined ? undefined : { field: column };
      },
      ...(options.file !== undefined ? { file: options.file } : {}),
    },
    {
      key: 'data',
      what: 'an ACLED API response',
      inspect: (page) =>
        page.success === false
          ? {
              code: 'source-error',
              severity: 'error',
              message: `the API reported a failure: ${JSON.stringify(page.error ?? page.messages ?? null)}`,
              pointer: '/success',
            }
          : undefined,
    },
    (element) => mapElement(element, context),
  );
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
