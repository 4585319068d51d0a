import { isHashtagRow } from './parse-hashtag.ts';

/** HXL tagging conventions: software should look for the hashtag row in the first 25 rows. */
export const hashtagRowLimit = 25;

/**
 * Splits the start of delimited text into rows of cells, quotes honoured, for detection
 * only; the last row may be cut short by the end of the sample.
 */
export function splitRows(text: string, delimiter: string, maxRows: number): string[][] {
  const rows: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length && rows.length < maxRows; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      cells.push(cell);
      rows.push(cells);
      cells = [];
      cell = '';
    } else cell += char;
  }
  if (rows.length < maxRows && (cell !== '' || cells.length > 0)) rows.push([...cells, cell]);
  return rows;
}

const candidates = [',', ';', '\t'] as const;

/**
 * The delimiter under which one of the first 25 rows of the sample is a hashtag row
 * (comma, then semicolon, then tab); undefined when none is.
 */
export function findHashtagDelimiter(sample: string): string | undefined {
  const text = sample.replace(/^\uFEFF/, '');
  return candidates.find((delimiter) =>
    splitRows(text, delimiter, hashtagRowLimit).some((row) => isHashtagRow(row)),
  );
}
