// Collects events as the column arrays of one row group: each canonical value converted to
// its Parquet type, the point as WKB with its bbox covering. Holds at most one row group.
import { flattenEvent } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import type { ColumnSource } from 'hyparquet-writer';
import { daysFromIsoDate } from './civil-date.ts';
import { bboxColumn, geometryColumn, type ParquetColumn } from './parquet-columns.ts';
import { encodeWkbPoint } from './wkb-point.ts';

type CellValue = string | number | bigint | boolean | readonly string[] | null;

/** One row's bbox covering: the point's longitude and latitude as a degenerate box. */
export interface Box {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

/** A row group's columns as hyparquet-writer takes them, and its points' boxes. */
export interface RowGroupColumns {
  sources: ColumnSource[];
  boxes: readonly (Box | null)[];
}

const int32Range = 2 ** 31;

/**
 * The string as its own copy. A reader's strings are often slices of the text chunk they were
 * cut from, and V8 keeps the whole chunk alive as long as a slice of it lives: a row group of
 * 20 000 events read from CSV held twice the memory of the same events parsed from JSON. The
 * cells held for a row group are copied, so they keep only their own characters. (Prepending
 * a character and slicing it off makes V8 flatten the string into a new one.) Short strings
 * are copied by V8 anyway.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/**
 * Holds a column's strings for a row group: each one copied (see ownCopy), except that a value
 * equal to the one before it in the column is held once (a dataset name, an attribution, a
 * country: event data repeats them row after row).
 */
class StringCells {
  private last: string | undefined;

  take(text: string): string {
    if (text === this.last) return this.last;
    this.last = ownCopy(text);
    return this.last;
  }
}

function valueAt(event: ConflictEvent, path: readonly string[]): unknown {
  let node: unknown = event;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Thrown for an event whose values do not fit the model's types (only an unchecked event can). */
function unfit(event: ConflictEvent, column: ParquetColumn, why: string): TypeError {
  return new TypeError(`event "${String(event.id)}": ${column.name}: ${why}`);
}

function cellValue(
  event: ConflictEvent,
  column: ParquetColumn,
  flat: unknown,
  strings: StringCells,
): CellValue {
  if (column.kind === 'string-list') {
    // The list itself, not flattenEvent's JSON text of it.
    const list = valueAt(event, column.canonical.path);
    if (list === undefined) return null;
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
      throw unfit(event, column, 'not a list of strings');
    }
    return list.map(ownCopy);
  }
  if (flat === undefined) return null;
  switch (column.kind) {
    case 'date': {
      const days = daysFromIsoDate(String(flat));
      if (days === undefined)
        throw unfit(event, column, `"${String(flat)}" is not a YYYY-MM-DD date`);
      return days;
    }
    case 'int32':
    case 'int64':
      if (!Number.isSafeInteger(flat))
        throw unfit(event, column, `${String(flat)} is not an integer`);
      if (column.kind === 'int64') return BigInt(flat as number);
      if (Math.abs(flat as number) >= int32Range) {
        throw unfit(event, column, `${String(flat)} does not fit 32 bits`);
      }
      return flat as number;
    case 'double':
      if (typeof flat !== 'number') throw unfit(event, column, `${String(flat)} is not a number`);
      return flat;
    case 'boolean':
      if (typeof flat !== 'boolean') throw unfit(event, column, `${String(flat)} is not a boolean`);
      return flat;
    default:
      return strings.take(String(flat));
  }
}

export class RowGroupBuffer {
  private cells: CellValue[][];
  private geometries: (Uint8Array | null)[] = [];
  private boxes: (Box | null)[] = [];
  private readonly canonical;
  private readonly strings: StringCells[];

  constructor(private readonly columns: readonly ParquetColumn[]) {
    this.cells = columns.map(() => []);
    this.canonical = columns.map((column) => column.canonical);
    this.strings = columns.map(() => new StringCells());
  }

  get size(): number {
    return this.geometries.length;
  }

  add(event: ConflictEvent): void {
    const flat = flattenEvent(event, this.canonical);
    this.columns.forEach((column, index) => {
      (this.cells[index] as CellValue[]).push(
        cellValue(event, column, flat[index], this.strings[index] as StringCells),
      );
    });
    const point = event.location?.point;
    if (point && typeof point.lat === 'number' && typeof point.lon === 'number') {
      this.geometries.push(encodeWkbPoint(point.lon, point.lat));
      this.boxes.push({ xmin: point.lon, ymin: point.lat, xmax: point.lon, ymax: point.lat });
    } else {
      this.geometries.push(null);
      this.boxes.push(null);
    }
  }

  /** The collected columns; the buffer starts empty again. */
  take(): RowGroupColumns {
    const boxes = this.boxes;
    const sources: ColumnSource[] = this.columns.map((column, index) => ({
      name: column.name,
      data: this.cells[index] as CellValue[] as ColumnSource['data'],
    }));
    sources.push({ name: geometryColumn, data: this.geometries });
    sources.push({ name: bboxColumn, data: boxes as ColumnSource['data'] });
    this.cells = this.columns.map(() => []);
    this.geometries = [];
    this.boxes = [];
    return { sources, boxes };
  }
}
