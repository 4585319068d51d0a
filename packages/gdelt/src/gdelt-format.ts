import type { CommonReadOptions, Format } from '@conflict-events/io';
import { fieldOfPointer } from './gdelt-pointers.ts';
import { readGdelt } from './read-gdelt.ts';

export interface GdeltReadOptions {
  /**
   * Keep only conflict events (CAMEO roots 14 and 17–20); other rows are rejected with one
   * `filtered-out` info issue each, so that records = events + rejected still holds.
   * Default false.
   */
  conflictOnly: boolean;
  /** Text encoding (a WHATWG label); a BOM overrides it. GDELT writes UTF-8. Default `utf-8`. */
  encoding: string;
}

export const defaultGdeltReadOptions: Readonly<GdeltReadOptions> = Object.freeze({
  conflictOnly: false,
  encoding: 'utf-8',
});

/** GDELT is read-only here: there are no write options. */
export type GdeltWriteOptions = Record<never, never>;

const sniffDecoder = new TextDecoder('utf-8', { fatal: false });

/**
 * GDELT event files have no header: the first line is a row of 57, 58 or 61 tab-separated
 * fields starting with an integer event id and a YYYYMMDD date.
 */
function sniffGdelt(firstBytes: Uint8Array): boolean {
  const text = sniffDecoder.decode(firstBytes).replace(/^\uFEFF/, '');
  const end = text.search(/[\r\n]/);
  const fields = (end === -1 ? text : text.slice(0, end)).split('\t');
  return (
    (fields.length === 57 || fields.length === 58 || fields.length === 61) &&
    /^\d+$/.test(fields[0] ?? '') &&
    /^\d{8}$/.test(fields[1] ?? '')
  );
}

export const gdeltFormat = {
  id: 'gdelt',
  name: 'GDELT events',
  // Longest first: GDELT names its files `….export.CSV` although they are tab-separated.
  extensions: ['export.csv', 'tsv', 'txt'],
  mediaTypes: ['text/tab-separated-values'],
  capabilities: { read: true, write: false, lossless: false },
  rejectsLayout: 'lines',
  sniff: sniffGdelt,
  defaultReadOptions: defaultGdeltReadOptions,
  defaultWriteOptions: Object.freeze({}) as Readonly<GdeltWriteOptions>,
  fieldOf: fieldOfPointer,
  read: (
    bytes: AsyncIterable<Uint8Array>,
    options?: Partial<GdeltReadOptions> & CommonReadOptions,
  ) => readGdelt(bytes, options),
} as const satisfies Format<GdeltReadOptions, GdeltWriteOptions>;
