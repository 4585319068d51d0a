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

/** Joins a row's cells with the delimiter and the line ending, quoting only where needed. */
function rowWriter(delimiter: string, lineEnding: string): (cells: readonly string[]) => string {
  const needs = new RegExp(
    `["\\r\\n${delimiter === '\t' ? '\\t' : delimiter.replace(/[\\^\]-]/g, '\\$&')}]`,
  );
  return (cells) => {
    // Built by concatenation, without a quoted copy of the array: most cells of a wide row
    // are empty and cost nothing here.
    let line = '';
    for (let index = 0; index < cells.length; index++) {
      const cell = cells[index] as string;
      if (index > 0) line += delimiter;
      if (cell !== '') line += needs.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
    }
    return line + lineEnding;
  };
}

/** Writes canonical CSV: the header, then one row per event, quoting only where needed. */
export async function* writeCsv(
  events: AsyncIterable<ConflictEvent | Batch>,
  options: Partial<CsvWriteOptions> & CommonWriteOptions = {},
): AsyncIterable<Uint8Array> {
  const delimiter = options.delimiter ?? ',';
  const lineEnding = options.lineEnding ?? '\n';
  const neutralise = options.neutraliseFormulas ?? true;
  const row = rowWriter(delimiter, lineEnding);
  const chunker = new TextChunker();
  const header = csvColumns.map((column) => column.name).join(delimiter) + lineEnding;
  chunker.add((options.bom ? '\uFEFF' : '') + header);
  if (options.hxlTags)
    chunker.add(csvColumns.map((column) => column.hxl).join(delimiter) + lineEnding);
  for await (const group of eventArrays(events)) {
    for (const event of group) {
      const chunk = chunker.add(row(encodeRow(event, neutralise)));
      if (chunk) yield chunk;
    }
  }
  const rest = chunker.flush();
  if (rest) yield rest;
}
