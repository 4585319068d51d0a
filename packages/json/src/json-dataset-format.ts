import type { Batch, CommonReadOptions, Format } from '@conflict-events/io';
import {
  defaultJsonDatasetReadOptions,
  defaultJsonDatasetWriteOptions,
  type JsonDatasetReadOptions,
  type JsonDatasetWriteOptions,
} from './json-dataset-options.ts';
import { sniffJsonShape } from './sniff-json.ts';
import { writeJsonDataset } from './write-json-dataset.ts';

/** A JSON dataset document (`schemas/dataset.schema.json`), or a top-level array of events. */
export const jsonDatasetFormat = {
  id: 'json',
  name: 'JSON dataset',
  extensions: ['json'],
  mediaTypes: ['application/json'],
  capabilities: { read: true, write: true, lossless: true },
  rejectsLayout: 'json-array',
  sniff: (firstBytes: Uint8Array) => sniffJsonShape(firstBytes) === 'dataset',
  defaultReadOptions: defaultJsonDatasetReadOptions,
  defaultWriteOptions: defaultJsonDatasetWriteOptions,
  async *read(
    bytes: AsyncIterable<Uint8Array>,
    options?: Partial<JsonDatasetReadOptions> & CommonReadOptions,
  ): AsyncIterable<Batch> {
    // Loaded on first read, so detecting formats or writing does not load the streaming parser.
    const { readJsonDataset } = await import('./read-json-dataset.ts');
    yield* readJsonDataset(bytes, options);
  },
  write: writeJsonDataset,
} as const satisfies Format<JsonDatasetReadOptions, JsonDatasetWriteOptions>;
