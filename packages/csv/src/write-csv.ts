import {
  type Batch,
  type CommonWriteOptions,
  csvColumns,
  encodeRow,
  eventArrays,
  TextChunker,
} from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import type { CsvWriteOptions } from './csv-format.ts';

function quoter(delimiter: string): (cell: string) => string {
  const needs = new RegExp(
    `["\\r\\n${delimiter === '\t' ? '\\t' : delimiter.replace(/[\\^\]-]/g, '\\$&')}]`,
  );
  return (cell) => (needs.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
}

/** Writes canonical CSV: the header, then one row per event, quoting only where needed. */
export async function* writeCsv(
  events: AsyncIterable<ConflictEvent | Batch>,
  options: Partial<CsvWriteOptions> & CommonWriteOptions = {},
): AsyncIterable<Uint8Array> {
  const delimiter = options.delimiter ?? ',';
  const lineEnding = options.lineEnding ?? '\n';
  const neutralise = options.neutraliseFormulas ?? true;
  const quote = quoter(delimiter);
  const chunker = new TextChunker();
  const header = csvColumns.map((column) => column.name).join(delimiter) + lineEnding;
  chunker.add((options.bom ? '\uFEFF' : '') + header);
  if (options.hxlTags)
    chunker.add(csvColumns.map((column) => column.hxl).join(delimiter) + lineEnding);
  for await (const group of eventArrays(events)) {
    for (const event of group) {
      const line = encodeRow(event, neutralise).map(quote).join(delimiter) + lineEnding;
      const chunk = chunker.add(line);
      if (chunk) yield chunk;
    }
  }
  const rest = chunker.flush();
  if (rest) yield rest;
}
