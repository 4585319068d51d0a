import type { ConflictEvent, ValidationIssue } from '@conflict-events/schema';
import { type CsvColumn, csvColumns, emptyMeansEmptyList } from './csv-columns.ts';

// OWASP CSV injection: a spreadsheet runs a cell that starts with = + - @, tab or CR.
// Writing prefixes such text cells with one apostrophe; a cell that already starts with
// apostrophes before such a character gets one more, so reading can undo it exactly.
const formulaStart = /^'*[=+\-@\t\r]/;
const neutralised = /^'+[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

export function restoreFormula(text: string): string {
  return neutralised.test(text) ? text.slice(1) : text;
}

const decimal = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function get(event: unknown, path: readonly string[]): unknown {
  let node = event;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function set(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (let index = 0; index < path.length - 1; index++) {
    const key = path[index] as string;
    let next = node[key];
    if (next === undefined) {
      next = {};
      node[key] = next;
    }
    node = next as Record<string, unknown>;
  }
  node[path[path.length - 1] as string] = value;
}

function encodeCell(column: CsvColumn, value: unknown, neutralise: boolean): string {
  if (value === undefined) return '';
  switch (column.type) {
    case 'json':
      if (emptyMeansEmptyList.has(column.name) && Array.isArray(value) && value.length === 0)
        return '';
      return JSON.stringify(value);
    case 'precision-code': {
      const code = value as { scheme: string; code: number };
      return `${code.scheme}:${code.code}`;
    }
    case 'text':
      return neutralise ? neutraliseFormula(String(value)) : String(value);
    default:
      return String(value);
  }
}

/** One event as the cells of a canonical row, in column order. */
export function encodeRow(
  event: ConflictEvent,
  neutralise: boolean,
  columns: readonly CsvColumn[] = csvColumns,
): string[] {
  return columns.map((column) => encodeCell(column, get(event, column.path), neutralise));
}

export interface DecodedRow {
  candidate: Record<string, unknown>;
  /** Cells that could not be read as their column's type. */
  issues: ValidationIssue[];
}

function cellIssue(
  column: CsvColumn,
  fieldNumber: number,
  cell: string,
  why: string,
): ValidationIssue {
  return {
    code: 'type-error',
    severity: 'error',
    message: `${column.name}: ${why}`,
    field: column.name,
    fieldNumber,
    value: cell.length > 200 ? `${cell.slice(0, 200)}…` : cell,
  };
}

/** Where each column of the header is: column index → canonical column (or none). */
export type HeaderLayout = readonly (CsvColumn | undefined)[];

/**
 * Builds a candidate event from one row. Empty cells are absent fields; numbers must be
 * plain decimals (no `0x1F`, `1,5` or `NaN`); JSON cells must parse. Cells that fail keep
 * their text so the schema check names them, and are reported here with their column.
 */
export function decodeRow(
  cells: readonly string[],
  layout: HeaderLayout,
  restore: boolean,
  extra: readonly { index: number; key: string }[],
): DecodedRow {
  const candidate: Record<string, unknown> = { actors: [], sources: [], type: {} };
  const issues: ValidationIssue[] = [];
  layout.forEach((column, index) => {
    const cell = cells[index];
    if (!column || cell === undefined || cell === '') return;
    let value: unknown = cell;
    switch (column.type) {
      case 'integer':
      case 'number': {
        const number = decimal.test(cell) ? Number(cell) : Number.NaN;
        if (Number.isFinite(number)) value = number;
        else issues.push(cellIssue(column, index + 1, cell, `"${cell}" is not a decimal number`));
        break;
      }
      case 'boolean':
        if (cell === 'true' || cell === 'false') value = cell === 'true';
        else issues.push(cellIssue(column, index + 1, cell, `"${cell}" is not true or false`));
        break;
      case 'json':
        try {
          value = JSON.parse(cell);
        } catch (error) {
          issues.push(
            cellIssue(column, index + 1, cell, `not valid JSON (${(error as Error).message})`),
          );
        }
        break;
      case 'precision-code': {
        const match = /^([a-z-]+):(\d+)$/.exec(cell);
        if (match) value = { scheme: match[1], code: Number(match[2]) };
        else issues.push(cellIssue(column, index + 1, cell, `"${cell}" is not scheme:code`));
        break;
      }
      case 'text':
        value = restore ? restoreFormula(cell) : cell;
        break;
      default:
        break;
    }
    set(candidate, column.path, value);
  });
  const fatalities = candidate.fatalities as Record<string, unknown> | undefined;
  candidate.fatalities = fatalities ? { known: true, ...fatalities } : { known: false };
  if (extra.length > 0) {
    const provenance = (candidate.provenance ?? {}) as Record<string, unknown>;
    const unmapped = { ...((provenance.unmapped as Record<string, unknown> | undefined) ?? {}) };
    for (const { index, key } of extra) {
      const cell = cells[index];
      if (cell !== undefined && cell !== '' && !Object.hasOwn(unmapped, key)) unmapped[key] = cell;
    }
    if (Object.keys(unmapped).length > 0) {
      provenance.unmapped = unmapped;
      candidate.provenance = provenance;
    }
  }
  return { candidate, issues };
}

const pointers = csvColumns
  .map((column, index) => ({ column, index, pointer: `/${column.path.join('/')}` }))
  .sort((a, b) => b.pointer.length - a.pointer.length);

/** The canonical column holding the field at a pointer inside an event. */
export function columnOf(pointer: string): { column: CsvColumn; index: number } | undefined {
  if (pointer === '/fatalities/known' || pointer === '/fatalities') {
    const index = csvColumns.findIndex((column) => column.name === 'fatalities_best');
    return { column: csvColumns[index] as CsvColumn, index };
  }
  if (pointer === '/location/point') {
    const index = csvColumns.findIndex((column) => column.name === 'latitude');
    return { column: csvColumns[index] as CsvColumn, index };
  }
  const found = pointers.find(
    (entry) => pointer === entry.pointer || pointer.startsWith(`${entry.pointer}/`),
  );
  return found ? { column: found.column, index: found.index } : undefined;
}
