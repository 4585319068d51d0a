import { type Batch, type CommonReadOptions, type Format, peekBytes } from '@conflict-events/io';
import { columnOfPointer } from './field-of-pointer.ts';
import { ged42Columns, ged49Columns } from './ucdp-columns.ts';
import {
  defaultUcdpReadOptions,
  defaultUcdpWriteOptions,
  type UcdpReadOptions,
  type UcdpWriteOptions,
} from './ucdp-read-options.ts';

const sniffDecoder = new TextDecoder('utf-8', { fatal: false });

/** The cells of the first record of CSV text, quotes honoured (source_article holds commas). */
function firstRecordCells(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') break;
    else cell += char;
  }
  cells.push(cell);
  return cells;
}

const headerMarks = ['type_of_violence', 'dyad_new_id', 'where_prec'];

/** A GED header, a headerless GED row of 49 or 42 cells, or a UCDP API page. */
function sniffUcdp(firstBytes: Uint8Array): boolean {
  const text = sniffDecoder
    .decode(firstBytes)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('{')) return /^\{\s*"TotalCount"\s*:/.test(text);
  const cells = firstRecordCells(text);
  const labels = new Set(cells.map((cell) => cell.trim().toLowerCase()));
  if (headerMarks.every((mark) => labels.has(mark))) return true;
  return (
    /^\d+$/.test(cells[0]?.trim() ?? '') &&
    (cells.length === ged49Columns.length || cells.length === ged42Columns.length)
  );
}

/** Whether the input is JSON: its first byte after a BOM and white space is `{`. */
function startsWithBrace(head: Uint8Array): boolean {
  let index = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (index < head.length && [0x20, 0x09, 0x0a, 0x0d].includes(head[index] as number)) index++;
  return head[index] === 0x7b;
}

async function* readUcdp(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<UcdpReadOptions> & CommonReadOptions = {},
): AsyncIterable<Batch> {
  const { head, chunks } = await peekBytes(bytes, 4096);
  // Parsers load on demand, so that detection does not carry them.
  if (startsWithBrace(head)) {
    const { readGedApi } = await import('./read-ged-api.ts');
    yield* readGedApi(chunks, options);
  } else {
    const { readGedCsv } = await import('./read-ged-csv.ts');
    yield* readGedCsv(chunks, options);
  }
}

/**
 * The UCDP Georeferenced Event Dataset: CSV releases (20.1+ with 49 columns, 19.1 with 42,
 * HDX country files, headerless files) and UCDP API pages. Read only.
 */
export const ucdpFormat = {
  id: 'ucdp-ged',
  name: 'UCDP GED',
  extensions: ['csv', 'json'],
  mediaTypes: ['text/csv', 'application/json'],
  capabilities: { read: true, write: false, lossless: false },
  rejectsLayout: 'lines',
  sniff: sniffUcdp,
  defaultReadOptions: defaultUcdpReadOptions,
  defaultWriteOptions: defaultUcdpWriteOptions,
  fieldOf(pointer: string) {
    const column = columnOfPointer(pointer);
    return column === undefined ? undefined : { field: column };
  },
  read: readUcdp,
} as const satisfies Format<UcdpReadOptions, UcdpWriteOptions>;
