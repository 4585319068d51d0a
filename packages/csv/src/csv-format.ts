import {
  type CommonReadOptions,
  columnOf,
  csvColumns,
  type Format,
  requiredColumns,
} from '@conflict-events/io';
import { readCsv } from './read-csv.ts';
import { writeCsv } from './write-csv.ts';

export interface CsvReadOptions {
  /** Field delimiter, or `auto` to choose comma, semicolon or tab from the header. Default `auto`. */
  delimiter: string;
  /** Text encoding (a WHATWG label such as `windows-1252`); a BOM overrides it. Default `utf-8`. */
  encoding: string;
  /** Undo the formula neutralisation of text cells written by this format. Default true. */
  restoreFormulas: boolean;
}

export interface CsvWriteOptions {
  /** Field delimiter. Default `,`. */
  delimiter: string;
  /** Line ending. Default `\n`. */
  lineEnding: '\n' | '\r\n';
  /** Start with a UTF-8 byte-order mark, which Excel needs to read UTF-8. Default false. */
  bom: boolean;
  /** Prefix text cells that start with = + - @ tab or CR with an apostrophe (OWASP). Default true. */
  neutraliseFormulas: boolean;
  /** Write an HXL hashtag row under the header (HDX convention). Default false. */
  hxlTags: boolean;
}

export const defaultCsvReadOptions: Readonly<CsvReadOptions> = Object.freeze({
  delimiter: 'auto',
  encoding: 'utf-8',
  restoreFormulas: true,
});

export const defaultCsvWriteOptions: Readonly<CsvWriteOptions> = Object.freeze({
  delimiter: ',',
  lineEnding: '\n',
  bom: false,
  neutraliseFormulas: true,
  hxlTags: false,
});

const sniffDecoder = new TextDecoder('utf-8', { fatal: false });

/** A canonical CSV starts with a header naming the required columns. */
function sniffCsv(firstBytes: Uint8Array): boolean {
  const text = sniffDecoder.decode(firstBytes).replace(/^\uFEFF/, '');
  const end = text.search(/[\r\n]/);
  const header = (end === -1 ? text : text.slice(0, end)).toLowerCase();
  const labels = new Set(header.split(/[,;\t]/).map((label) => label.trim().replace(/^"|"$/g, '')));
  return requiredColumns.every((name) => labels.has(name));
}

export const csvFormat = {
  id: 'csv',
  name: 'Canonical CSV',
  extensions: ['csv', 'tsv'],
  mediaTypes: ['text/csv', 'text/tab-separated-values'],
  capabilities: { read: true, write: true, lossless: true },
  rejectsLayout: 'lines',
  sniff: sniffCsv,
  defaultReadOptions: defaultCsvReadOptions,
  defaultWriteOptions: defaultCsvWriteOptions,
  fieldOf(pointer: string) {
    const found = columnOf(pointer);
    return found ? { field: found.column.name } : undefined;
  },
  read: (bytes: AsyncIterable<Uint8Array>, options?: Partial<CsvReadOptions> & CommonReadOptions) =>
    readCsv(bytes, options),
  write: writeCsv,
} as const satisfies Format<CsvReadOptions, CsvWriteOptions>;

export { csvColumns };
