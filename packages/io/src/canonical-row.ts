import type { ConflictEvent, ValidationIssue } from '@conflict-events/schema';
import { type CsvColumn, csvColumns, emptyMeansEmptyList } from './canonical-columns.ts';
import { defineOwn } from './own-property.ts';

// OWASP CSV injection: a spreadsheet runs a cell that starts with = + - @, tab or CR.
// Writing prefixes such text cells with one apostrophe; a cell that already starts with
// apostrophes before such a character gets one more, so reading can undo it exactly.
const formulaStart = /^'*[=+\-@\t\r]/;
const neutralised = /^'+[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

export function restoreFormula(text: string): string {
  // Only text that starts with an apostrophe can be a neutralised formula.
  return text.charCodeAt(0) === 39 && neutralised.test(text) ? text.slice(1) : text;
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

/** A canonical column's value, typed: what a typed container (XLSX, Parquet, flat GeoJSON) stores. */
export type FlatValue = string | number | boolean;

function flatCell(column: CsvColumn, value: unknown): FlatValue | undefined {
  if (value === undefined) return undefined;
  switch (column.type) {
    case 'json':
      if (emptyMeansEmptyList.has(column.name) && Array.isArray(value) && value.length === 0)
        return undefined;
      return JSON.stringify(value);
    case 'precision-code': {
      const code = value as { scheme: string; code: number };
      return `${code.scheme}:${code.code}`;
    }
    case 'integer':
    case 'number':
    case 'boolean':
      return value as number | boolean;
    default:
      return String(value);
  }
}

/**
 * One event as the values of the canonical columns, in column order: numbers and booleans
 * typed, lists and records as JSON text, absent fields `undefined`. No formula
 * neutralisation: a writer applies `neutraliseFormula` to the text columns it writes.
 */
export function flattenEvent(
  event: ConflictEvent,
  columns: readonly CsvColumn[] = csvColumns,
): (FlatValue | undefined)[] {
  return columns.map((column) => flatValue(event, column));
}

/** One canonical column's value of an event, as `flattenEvent` gives it. */
export function flatValue(event: ConflictEvent, column: CsvColumn): FlatValue | undefined {
  return flatCell(column, get(event, column.path));
}

/** One event as the cells of a canonical row, in column order. */
export function encodeRow(
  event: ConflictEvent,
  neutralise: boolean,
  columns: readonly CsvColumn[] = csvColumns,
): string[] {
  return columns.map((column) => {
    const value = flatCell(column, get(event, column.path));
    if (value === undefined) return '';
    return neutralise && column.type === 'text'
      ? neutraliseFormula(value as string)
      : String(value);
  });
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

function cellText(cell: unknown): string {
  return typeof cell === 'string' ? cell : (JSON.stringify(cell) ?? String(cell));
}

/** Why a cell is not a value of its column: made only on failure, so good cells cost nothing. */
class InvalidCell {
  constructor(readonly why: string) {}
}

/** A cell's value for its column, or why it is not one. Strings are parsed; typed values checked. */
function decodeCell(column: CsvColumn, cell: unknown, restore: boolean): unknown {
  const text = typeof cell === 'string';
  switch (column.type) {
    case 'integer':
    case 'number': {
      const number =
        typeof cell === 'number' ? cell : text && decimal.test(cell) ? Number(cell) : Number.NaN;
      return Number.isFinite(number)
        ? number
        : new InvalidCell(`"${cellText(cell)}" is not a decimal number`);
    }
    case 'boolean':
      if (typeof cell === 'boolean') return cell;
      return cell === 'true' || cell === 'false'
        ? cell === 'true'
        : new InvalidCell(`"${cellText(cell)}" is not true or false`);
    case 'json':
      if (!text) return typeof cell === 'object' ? cell : new InvalidCell('not JSON text');
      try {
        return JSON.parse(cell);
      } catch (error) {
        return new InvalidCell(`not valid JSON (${(error as Error).message})`);
      }
    case 'precision-code': {
      const match = text ? /^([a-z-]+):(\d+)$/.exec(cell) : null;
      return match
        ? { scheme: match[1], code: Number(match[2]) }
        : new InvalidCell(`"${cellText(cell)}" is not scheme:code`);
    }
    case 'text':
      if (text) return restore ? restoreFormula(cell) : cell;
      return typeof cell === 'number' ? String(cell) : new InvalidCell('not text');
    default:
      return text ? cell : new InvalidCell(`not a ${column.type} string`);
  }
}

/**
 * Builds a candidate event from one row. Empty cells (and `null`) are absent fields; numbers
 * must be plain decimals (no `0x1F`, `1,5` or `NaN`); JSON cells must parse. Cells may be
 * text (CSV) or typed values (flat GeoJSON properties, spreadsheet or Parquet cells). Cells
 * that fail keep their value so the schema check names them, and are reported here with
 * their column.
 */
export function decodeRow(
  cells: readonly unknown[],
  layout: HeaderLayout,
  restore: boolean,
  extra: readonly { index: number; key: string }[],
): DecodedRow {
  const candidate: Record<string, unknown> = { actors: [], sources: [], type: {} };
  const issues: ValidationIssue[] = [];
  layout.forEach((column, index) => {
    const cell = cells[index];
    if (!column || cell === undefined || cell === null || cell === '') return;
    const decoded = decodeCell(column, cell, restore);
    const invalid = decoded instanceof InvalidCell;
    if (invalid) issues.push(cellIssue(column, index + 1, cellText(cell), decoded.why));
    set(candidate, column.path, invalid ? cell : decoded);
  });
  const fatalities = candidate.fatalities as Record<string, unknown> | undefined;
  candidate.fatalities = fatalities ? { known: true, ...fatalities } : { known: false };
  if (extra.length > 0) {
    const provenance = (candidate.provenance ?? {}) as Record<string, unknown>;
    const unmapped = { ...((provenance.unmapped as Record<string, unknown> | undefined) ?? {}) };
    for (const { index, key } of extra) {
      const cell = cells[index];
      if (cell === undefined || cell === '' || Object.hasOwn(unmapped, key)) continue;
      const scalar = cell === null || ['string', 'number', 'boolean'].includes(typeof cell);
      // Defined, not assigned: a column named `__proto__` becomes an own key (which the
      // schema then refuses, with its position) instead of vanishing into the prototype.
      defineOwn(unmapped, key, scalar ? (cell as FlatValue | null) : cellText(cell));
    }
    if (Object.keys(unmapped).length > 0) {
      provenance.unmapped = unmapped;
      candidate.provenance = provenance;
    }
  }
  return { candidate, issues };
}

/**
 * A candidate event from values keyed by canonical column name (flat GeoJSON properties, a
 * spreadsheet or Parquet row). Keys that are not canonical columns go to
 * `provenance.unmapped`, as extra CSV columns do.
 */
export function unflattenEvent(
  values: Readonly<Record<string, unknown>>,
  restore = false,
): DecodedRow {
  const cells: unknown[] = [];
  const layout: (CsvColumn | undefined)[] = [];
  const extra: { index: number; key: string }[] = [];
  for (const key of Object.keys(values)) {
    const column = columnByName.get(key);
    if (!column) extra.push({ index: cells.length, key });
    layout.push(column);
    cells.push(values[key]);
  }
  return decodeRow(cells, layout, restore, extra);
}

const columnByName = new Map(csvColumns.map((column) => [column.name, column]));

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
