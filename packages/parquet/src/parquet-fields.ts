// Which column of our files holds the field at a pointer inside an event, for issues.
import { columnOf } from '@conflict-events/io';
import { parquetColumns } from './parquet-columns.ts';

const columnNumbers = new Map(parquetColumns.map((column, index) => [column.name, index + 1]));

export function fieldOfPointer(
  pointer: string,
): { field: string; fieldNumber?: number } | undefined {
  const found = columnOf(pointer);
  if (!found) return undefined;
  const fieldNumber = columnNumbers.get(found.column.name);
  return fieldNumber === undefined
    ? { field: found.column.name }
    : { field: found.column.name, fieldNumber };
}
