// Collects events as the column chunks of one row group: each canonical value converted to
// its Parquet type and encoded as it arrives, the point as WKB with its bbox covering. Holds
// at most one row group, as bytes.
import { flatValue } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import type { ByteBuffer } from './byte-buffer.ts';
import { daysFromIsoDate } from './civil-date.ts';
import {
  BooleanValues,
  type ChunkSettings,
  type ChunkSink,
  DoubleValues,
  Int32Values,
  Int64Values,
  LeafColumn,
  ownCopy,
  PointValues,
  StringValues,
} from './column-encoders.ts';
import type { ChunkFacts } from './footer.ts';
import { PointBounds } from './geo-metadata.ts';
import { bboxColumn, bboxFields, geometryColumn, type ParquetColumn } from './parquet-columns.ts';
import { valueAt } from './partition-keys.ts';

const int32Range = 2 ** 31;

/** Thrown for an event whose values do not fit the model's types (only an unchecked event can). */
function unfit(id: unknown, column: ParquetColumn, why: string): TypeError {
  return new TypeError(`event "${String(id)}": ${column.name}: ${why}`);
}

/**
 * An event's values in column order: `flatValue`'s, except that a list of strings is the
 * list itself (checked), not its JSON text.
 */
export class RowFlattener {
  private readonly lists: readonly boolean[];
  /** Where the event's id is in a row (for errors), or -1. */
  readonly idIndex: number;

  constructor(readonly columns: readonly ParquetColumn[]) {
    this.lists = columns.map((column) => column.kind === 'string-list');
    this.idIndex = columns.findIndex((column) => column.name === 'id');
  }

  row(event: ConflictEvent): unknown[] {
    const columns = this.columns;
    const row: unknown[] = new Array(columns.length);
    for (let index = 0; index < columns.length; index++) {
      const column = columns[index] as ParquetColumn;
      if (!this.lists[index]) {
        row[index] = flatValue(event, column.canonical);
        continue;
      }
      const list = valueAt(event, column.canonical.path);
      if (
        list !== undefined &&
        (!Array.isArray(list) || !list.every((item) => typeof item === 'string'))
      ) {
        throw unfit(event.id, column, 'not a list of strings');
      }
      row[index] = list;
    }
    return row;
  }
}

/**
 * A partition's rows until they are written as a row group: each row's values, its strings
 * copied (see `ownCopy`), a string equal to the one before it in its column held once. The
 * partitioned writer holds rows for many partitions at once, so they are held as values, not
 * encoded: a `RowGroupBuffer` with one event held takes about 77 KiB of heap (a buffer for
 * each of its 73 columns), `HeldRows` about 2.6 KiB (2 000 of each held, measured once).
 */
export class HeldRows {
  private rows: unknown[][] = [];
  private points: number[] = [];
  private readonly last: unknown[];

  constructor(private readonly flattener: RowFlattener) {
    this.last = flattener.columns.map(() => undefined);
  }

  get size(): number {
    return this.rows.length;
  }

  add(event: ConflictEvent): void {
    const row = this.flattener.row(event);
    for (let index = 0; index < row.length; index++) {
      const value = row[index];
      if (typeof value === 'string') {
        if (value === this.last[index]) row[index] = this.last[index];
        else this.last[index] = row[index] = ownCopy(value);
      } else if (Array.isArray(value)) {
        row[index] = value.map((item) => ownCopy(item as string));
      }
    }
    this.rows.push(row);
    const point = event.location?.point;
    const located = point && typeof point.lat === 'number' && typeof point.lon === 'number';
    this.points.push(located ? point.lon : Number.NaN, located ? point.lat : Number.NaN);
  }

  /** Moves the rows into `buffer`, which then holds them encoded; none are held here after. */
  moveTo(buffer: RowGroupBuffer): void {
    const idIndex = this.flattener.idIndex;
    this.rows.forEach((row, index) => {
      const id = idIndex < 0 ? undefined : row[idIndex];
      buffer.addRow(
        row,
        id,
        this.points[index * 2] as number,
        this.points[index * 2 + 1] as number,
      );
    });
    this.rows = [];
    this.points = [];
    this.last.fill(undefined);
  }
}

type Leaf =
  | { kind: 'string'; leaf: LeafColumn<StringValues> }
  | { kind: 'string-list'; leaf: LeafColumn<StringValues> }
  | { kind: 'date' | 'int32'; leaf: LeafColumn<Int32Values> }
  | { kind: 'int64'; leaf: LeafColumn<Int64Values> }
  | { kind: 'double'; leaf: LeafColumn<DoubleValues> }
  | { kind: 'boolean'; leaf: LeafColumn<BooleanValues> };

function leafOf(column: ParquetColumn): Leaf {
  const name = column.name;
  switch (column.kind) {
    case 'string':
      return { kind: 'string', leaf: new LeafColumn([name], 'BYTE_ARRAY', 1, new StringValues()) };
    case 'string-list':
      return {
        kind: 'string-list',
        leaf: new LeafColumn([name, 'list', 'element'], 'BYTE_ARRAY', 2, new StringValues(), true),
      };
    case 'date':
    case 'int32':
      return { kind: column.kind, leaf: new LeafColumn([name], 'INT32', 1, new Int32Values()) };
    case 'int64':
      return { kind: 'int64', leaf: new LeafColumn([name], 'INT64', 1, new Int64Values()) };
    case 'double':
      return { kind: 'double', leaf: new LeafColumn([name], 'DOUBLE', 1, new DoubleValues()) };
    case 'boolean':
      return { kind: 'boolean', leaf: new LeafColumn([name], 'BOOLEAN', 1, new BooleanValues()) };
  }
}

export class RowGroupBuffer {
  private readonly leaves: Leaf[];
  private readonly flattener: RowFlattener;
  private readonly geometry = new LeafColumn([geometryColumn], 'BYTE_ARRAY', 1, new PointValues());
  // The covering: an optional struct of four required doubles, so one definition level each.
  private readonly box = bboxFields.map(
    (field) => new LeafColumn([bboxColumn, field], 'DOUBLE', 1, new DoubleValues()),
  ) as [
    LeafColumn<DoubleValues>,
    LeafColumn<DoubleValues>,
    LeafColumn<DoubleValues>,
    LeafColumn<DoubleValues>,
  ];
  private pointBounds = new PointBounds();
  private rows = 0;

  constructor(private readonly columns: readonly ParquetColumn[]) {
    this.leaves = columns.map(leafOf);
    this.flattener = new RowFlattener(columns);
  }

  get size(): number {
    return this.rows;
  }

  /** The bounds of the points held. */
  get bounds(): PointBounds {
    return this.pointBounds;
  }

  add(event: ConflictEvent): void {
    const row = this.flattener.row(event);
    const point = event.location?.point;
    if (point && typeof point.lat === 'number' && typeof point.lon === 'number') {
      this.addRow(row, event.id, point.lon, point.lat);
    } else {
      this.addRow(row, event.id, Number.NaN, Number.NaN);
    }
  }

  /**
   * Adds one row: the values of `RowFlattener.row`, in column order, and the point (NaN for none).
   * `id` names the event in an error.
   */
  addRow(row: readonly unknown[], id: unknown, lon: number, lat: number): void {
    const leaves = this.leaves;
    for (let index = 0; index < leaves.length; index++) {
      const entry = leaves[index] as Leaf;
      const value = row[index];
      if (value === undefined) {
        entry.leaf.absent();
        continue;
      }
      const column = this.columns[index] as ParquetColumn;
      switch (entry.kind) {
        case 'string-list': {
          const list = value as readonly string[];
          entry.leaf.list(list.length);
          for (const item of list) entry.leaf.values.add(item);
          break;
        }
        case 'string':
          entry.leaf.present();
          entry.leaf.values.add(String(value));
          break;
        case 'date': {
          const days = daysFromIsoDate(String(value));
          if (days === undefined) {
            throw unfit(id, column, `"${String(value)}" is not a YYYY-MM-DD date`);
          }
          entry.leaf.present();
          entry.leaf.values.add(days);
          break;
        }
        case 'int32':
        case 'int64':
          if (!Number.isSafeInteger(value)) {
            throw unfit(id, column, `${String(value)} is not an integer`);
          }
          if (entry.kind === 'int32' && Math.abs(value as number) >= int32Range) {
            throw unfit(id, column, `${String(value)} does not fit 32 bits`);
          }
          entry.leaf.present();
          entry.leaf.values.add(value as number);
          break;
        case 'double':
          if (typeof value !== 'number') {
            throw unfit(id, column, `${String(value)} is not a number`);
          }
          entry.leaf.present();
          entry.leaf.values.add(value);
          break;
        case 'boolean':
          if (typeof value !== 'boolean') {
            throw unfit(id, column, `${String(value)} is not a boolean`);
          }
          entry.leaf.present();
          entry.leaf.values.add(value);
          break;
      }
    }
    if (Number.isNaN(lon) || Number.isNaN(lat)) {
      this.geometry.absent();
      for (const leaf of this.box) leaf.absent();
    } else {
      this.geometry.present();
      this.geometry.values.add(lon, lat);
      const [xmin, ymin, xmax, ymax] = this.box;
      for (const leaf of this.box) leaf.present();
      xmin.values.add(lon);
      ymin.values.add(lat);
      xmax.values.add(lon);
      ymax.values.add(lat);
      this.pointBounds.add(lon, lat);
    }
    this.rows++;
  }

  /** Writes the row group's column chunks to `sink`; the buffer starts empty again. */
  write(sink: ChunkSink, settings: ChunkSettings, scratch: ByteBuffer): ChunkFacts[] {
    const chunks: ChunkFacts[] = [];
    for (const { leaf } of this.leaves) chunks.push(leaf.write(sink, settings, scratch));
    chunks.push(this.geometry.write(sink, settings, scratch));
    for (const leaf of this.box) chunks.push(leaf.write(sink, settings, scratch));
    this.rows = 0;
    this.pointBounds = new PointBounds();
    return chunks;
  }
}
