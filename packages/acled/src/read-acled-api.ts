import {
  type Batch,
  type CommonReadOptions,
  defaultBatchSize,
  type JsonObject,
  jsonRecordCells,
  readJsonPageRecords,
  resolveLimits,
} from '@conflict-events/io';
import { acledColumnOf } from './acled-columns.ts';
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
      batchSize: options.batchSize ?? defaultBatchSize,
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
  const { record, errors } = jsonRecordCells(element, acledColumnOf);
  return errors.length > 0 ? { errors, warnings: [] } : mapAcledRecord(record, context);
}
