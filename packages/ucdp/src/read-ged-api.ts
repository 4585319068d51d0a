import {
  type Batch,
  type CommonReadOptions,
  defaultBatchSize,
  type JsonObject,
  jsonRecordCells,
  readJsonPageRecords,
  resolveLimits,
} from '@conflict-events/io';
import { columnOfPointer } from './field-of-pointer.ts';
import { type MapContext, type MappedRecord, mapGedRecord } from './map-ged-record.ts';
import { gedColumnOf } from './ucdp-columns.ts';
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
      batchSize: options.batchSize ?? defaultBatchSize,
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
  const { record, errors } = jsonRecordCells(element, gedColumnOf);
  return errors.length > 0 ? { errors, warnings: [] } : mapGedRecord(record, context);
}
