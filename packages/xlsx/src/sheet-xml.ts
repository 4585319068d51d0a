// The XML of a worksheet: its head (frozen header, column widths), the header row, one row
// per event with typed cells, and its tail (the autofilter over the rows written).
import {
  type CellType,
  type CsvColumn,
  csvColumns,
  flattenEvent,
  neutraliseFormula,
} from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import { excelDateSerial } from './excel-date.ts';
import { XlsxLimitError } from './xlsx-limit-error.ts';
import { excelMaxCellLength } from './xlsx-options.ts';
import { escapeCellText, keepsWhiteSpace } from './xml-text.ts';

/** Style indexes of `xl/styles.xml`: the cellXfs the cells refer to. */
export const cellStyle = { date: 1, header: 2 } as const;

/** `A`, `B`, …, `Z`, `AA`, … for a 0-based column index. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

const letters = csvColumns.map((_, index) => columnLetter(index));
export const lastColumnLetter = columnLetter(csvColumns.length - 1);

// Widths in characters of the default font; wide enough for the header and its filter button.
const typeWidths: Record<CellType, number> = {
  text: 18,
  integer: 10,
  number: 12,
  boolean: 10,
  date: 11,
  'date-time': 22,
  enum: 16,
  json: 30,
  'precision-code': 24,
};

function widthOf(column: CsvColumn): number {
  const wanted = column.name === 'notes' ? 60 : typeWidths[column.type];
  return Math.min(60, Math.max(wanted, column.name.length + 3));
}

const columnWidths = csvColumns
  .map(
    (column, index) =>
      `<col min="${index + 1}" max="${index + 1}" width="${widthOf(column)}" customWidth="1"/>`,
  )
  .join('');

/** The worksheet up to its first row: the header row frozen, columns sized. */
export function sheetHead(selected: boolean): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">` +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${columnWidths}</cols>` +
    '<sheetData>'
  );
}

function textCell(reference: string, text: string, style = ''): string {
  const space = keepsWhiteSpace(text) ? ' xml:space="preserve"' : '';
  return `<c r="${reference}"${style} t="inlineStr"><is><t${space}>${escapeCellText(text)}</t></is></c>`;
}

/** The header row: the canonical column names, bold. */
export function headerRow(): string {
  const cells = csvColumns.map((column, index) =>
    textCell(`${letters[index]}1`, column.name, ` s="${cellStyle.header}"`),
  );
  return `<row r="1">${cells.join('')}</row>`;
}

/** Where a row goes, for the error that names it. */
export interface RowPlace {
  sheet: string;
  row: number;
  neutraliseFormulas: boolean;
}

function tooLong(
  event: ConflictEvent,
  place: RowPlace,
  index: number,
  length: number,
): XlsxLimitError {
  const column = csvColumns[index] as CsvColumn;
  const reference = `${letters[index]}${place.row}`;
  return new XlsxLimitError(
    `event "${event.id}": ${column.name} has ${length} characters, more than the ${excelMaxCellLength} an Excel cell holds (sheet "${place.sheet}", cell ${reference}); write this data as CSV, JSON or Parquet, which have no such limit`,
    'cellLength',
    {
      sheet: place.sheet,
      row: place.row,
      column: letters[index] as string,
      field: column.name,
      eventId: event.id,
    },
  );
}

/**
 * One event as a row of typed cells: numbers as numbers, booleans as booleans, dates as date
 * serials with a date format, everything else as text (formula-neutralised in text columns).
 * Absent and empty values have no cell.
 */
export function eventRow(event: ConflictEvent, place: RowPlace): string {
  const values = flattenEvent(event);
  let cells = '';
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value === undefined || value === '') continue;
    const column = csvColumns[index] as CsvColumn;
    const reference = `${letters[index]}${place.row}`;
    if (typeof value === 'number' && Number.isFinite(value)) {
      cells += `<c r="${reference}"><v>${value}</v></c>`;
      continue;
    }
    if (typeof value === 'boolean') {
      cells += `<c r="${reference}" t="b"><v>${value ? 1 : 0}</v></c>`;
      continue;
    }
    const text = String(value);
    if (column.type === 'date') {
      const serial = excelDateSerial(text);
      if (serial !== undefined) {
        cells += `<c r="${reference}" s="${cellStyle.date}"><v>${serial}</v></c>`;
        continue;
      }
    }
    const stored =
      place.neutraliseFormulas && column.type === 'text' ? neutraliseFormula(text) : text;
    if (stored.length > excelMaxCellLength) throw tooLong(event, place, index, stored.length);
    cells += textCell(reference, stored);
  }
  return `<row r="${place.row}">${cells}</row>`;
}

/** The end of a worksheet whose last row is `lastRow`: a filter on the header over the rows. */
export function sheetTail(lastRow: number): string {
  return `</sheetData><autoFilter ref="A1:${lastColumnLetter}${lastRow}"/></worksheet>`;
}
