// One Parquet row (as hyparquet gives it) to a candidate event: the canonical columns
// through the CSV package's `unflattenEvent`, so every tabular format maps columns the same
// way; Hive partition values from the path; the point from the WKB geometry when the file
// has no latitude/longitude columns; every other column to `provenance.unmapped`.
import { unflattenEvent } from '@conflict-events/io';
import type { ValidationIssue } from '@conflict-events/schema';
import type { GeoColumns } from './geo-metadata.ts';
import { plainValue } from './plain-values.ts';
import { decodeWkbPoint } from './wkb-point.ts';

/** A Hive partition key and its decoded value (`null` for `__HIVE_DEFAULT_PARTITION__`). */
export type PartitionValue = readonly [key: string, value: string | null];

/** What every row of one file shares. */
export interface FileLayout {
  /** The columns read, in file order (coverings left out), the geometry last when it is read. */
  columns: readonly string[];
  /** 1-based number of each top-level column, for issues. */
  columnNumbers: ReadonlyMap<string, number>;
  geo: GeoColumns;
  /** Index of the primary geometry column in `columns`, when the file has it. */
  geometryIndex?: number;
  /** The file has the canonical latitude or longitude column, so the geometry is not read. */
  pointFromColumns: boolean;
  partition: readonly PartitionValue[];
}

export interface DecodedRecord {
  candidate: Record<string, unknown>;
  issues: ValidationIssue[];
  /** The record as JSON text, for rejects files. */
  raw: string;
}

// `year` is the one derived key the partitioned writer makes; it says again what
// `date_start` says, so it is dropped when it agrees and kept in `unmapped` when it does not.
const derivedYear = 'year';

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function setPoint(candidate: Record<string, unknown>, lon: number, lat: number): void {
  const location = candidate.location;
  const copy = location !== null && typeof location === 'object' ? { ...(location as object) } : {};
  candidate.location = { ...copy, point: { lat, lon } };
}

function geometryIssue(
  layout: FileLayout,
  geometry: string,
  decoded: ReturnType<typeof decodeWkbPoint>,
): ValidationIssue | undefined {
  if ('why' in decoded) {
    const notPoint = decoded.why.includes('not a Point');
    return {
      code: notPoint ? 'geometry-type' : 'type-error',
      severity: 'error',
      message: `${geometry}: ${decoded.why}; only points (or no geometry) become events`,
      field: geometry,
    };
  }
  if ('empty' in decoded || layout.geo.crsProblem === undefined) return undefined;
  return {
    code: 'crs-unsupported',
    severity: 'error',
    message: `${geometry}: ${layout.geo.crsProblem}, so its coordinates are not longitude and latitude`,
    field: geometry,
  };
}

/** Cells by column name, without a prototype: a column named "__proto__" stays a key. */
function emptyValues(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

/** Decodes one row, its cells in the order of `layout.columns`. */
export function rowToCandidate(row: readonly unknown[], layout: FileLayout): DecodedRecord {
  const values = emptyValues();
  const { columns, geo } = layout;
  for (let index = 0; index < columns.length; index++) {
    const cell = row[index];
    const name = columns[index] as string;
    // A null cell is an absent value, as an empty CSV cell is: no `unmapped` entry for it.
    if (cell === null || cell === undefined || geo.spatial.has(name)) continue;
    values[name] = plainValue(cell);
  }
  for (const [key, value] of layout.partition) {
    const start = values.date_start;
    if (key === derivedYear && typeof start === 'string' && start.startsWith(`${value}-`)) continue;
    // The path wins over a column of the same name, as in DuckDB and Spark; the default
    // partition says the value is absent.
    if (value === null) delete values[key];
    else values[key] = value;
  }
  const { candidate, issues } = unflattenEvent(values);

  const geometry = geo.primary;
  const bytes = layout.geometryIndex === undefined ? undefined : row[layout.geometryIndex];
  if (geometry !== undefined && bytes instanceof Uint8Array && !layout.pointFromColumns) {
    // The point comes from the geometry only here, so only here is it part of the record.
    values[geometry] = `0x${hex(bytes)}`;
    const decoded = decodeWkbPoint(bytes);
    const issue = geometryIssue(layout, geometry, decoded);
    if (issue) issues.push(issue);
    else if ('lon' in decoded) setPoint(candidate, decoded.lon, decoded.lat);
  }
  for (const issue of issues) {
    const number = issue.field === undefined ? undefined : layout.columnNumbers.get(issue.field);
    if (number === undefined) delete issue.fieldNumber;
    else issue.fieldNumber = number;
  }
  // The raw record has the non-null cells only: a row of our files has some seventy columns,
  // most of them empty.
  return { candidate, issues, raw: JSON.stringify(values) };
}
