// The partition keys the partitioned writer accepts, and each event's value for them.
import type { ConflictEvent } from '@conflict-events/schema';
import { type ParquetColumn, parquetColumns } from './parquet-columns.ts';

/** The one derived key: the year of `date_start`, which is kept in the files. */
export const yearKey = 'year';

// Columns whose value is one short scalar: a sensible directory name. Text columns are
// allowed too (country, admin1, provenance_dataset), as Hive escaping keeps them safe.
const partitionableTypes = new Set(['text', 'enum', 'integer', 'boolean', 'date']);

export interface PartitionKey {
  name: string;
  /** The canonical column it is, left out of the files; none for `year`. */
  column?: ParquetColumn;
  valueOf(event: ConflictEvent): string | undefined;
}

/** The value at a path inside an event (`undefined` where the path leaves its objects). */
export function valueAt(event: ConflictEvent, path: readonly string[]): unknown {
  let node: unknown = event;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Checks `partitionBy` and resolves each key; an unknown or repeated key is a RangeError. */
export function resolvePartitionKeys(names: readonly string[]): PartitionKey[] {
  const seen = new Set<string>();
  return names.map((name) => {
    if (seen.has(name)) throw new RangeError(`partitionBy names ${name} twice`);
    seen.add(name);
    if (name === yearKey) {
      return {
        name,
        valueOf: (event) => {
          const start = event.date?.start;
          return typeof start === 'string' && /^\d{4}-/.test(start) ? start.slice(0, 4) : undefined;
        },
      };
    }
    const column = parquetColumns.find((candidate) => candidate.name === name);
    if (!column || !partitionableTypes.has(column.canonical.type)) {
      throw new RangeError(
        `partitionBy: ${name} is not "year" nor a canonical column of text, enum, integer, boolean or date type`,
      );
    }
    return {
      name,
      column,
      valueOf: (event) => {
        const value = valueAt(event, column.canonical.path);
        return value === undefined || value === null ? undefined : String(value);
      },
    };
  });
}
