import type { Format } from '@conflict-events/io';
import {
  defaultNdjsonReadOptions,
  defaultNdjsonWriteOptions,
  type NdjsonReadOptions,
  type NdjsonWriteOptions,
} from './ndjson-options.ts';
import { readNdjson } from './read-ndjson.ts';
import { sniffJsonShape } from './sniff-json.ts';
import { writeNdjson } from './write-ndjson.ts';

/** NDJSON / JSON Lines: one event a line. */
export const ndjsonFormat = {
  id: 'ndjson',
  name: 'NDJSON',
  extensions: ['ndjson', 'jsonl'],
  mediaTypes: ['application/x-ndjson', 'application/jsonl'],
  capabilities: { read: true, write: true, lossless: true },
  rejectsLayout: 'lines',
  sniff: (firstBytes: Uint8Array) => sniffJsonShape(firstBytes) === 'lines',
  defaultReadOptions: defaultNdjsonReadOptions,
  defaultWriteOptions: defaultNdjsonWriteOptions,
  read: readNdjson,
  write: writeNdjson,
} as const satisfies Format<NdjsonReadOptions, NdjsonWriteOptions>;
