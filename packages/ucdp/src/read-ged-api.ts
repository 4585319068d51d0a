import {
  type Batch,
  type CommonReadOptions,
  type JsonObject,
  jsonCellText,
  readJsonPageRecords,
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
  const context: MapContext = {
    layout: 'ucdp-ged-api',
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
      key: 'Result',
      what: 'a UCDP API page',
      inspect: (page) =>
        typeof page.NextPageUrl === 'string' && page.NextPageUrl !== ''
          ? {
              code: 'partial-input',
              severity: 'info',
              message: `this is one page of ${String(page.TotalPages)}; the next is ${page.NextPageUrl}`,
              pointer: '/NextPageUrl',
            }
          : undefined,
    },
    (element) => mapElement(element, context),
  );
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
