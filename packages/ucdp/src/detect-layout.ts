import type { ValidationIssue } from '@conflict-events/schema';
import {
  type GedColumn,
  type GedLayout,
  ged42Columns,
  ged49Columns,
  gedColumnOf,
  hdxExtraColumn,
  requiredColumns,
} from './ucdp-columns.ts';

/** How the cells of each record are read: which GED column each position holds. */
export interface ColumnLayout {
  layout: GedLayout;
  /** Whether the first row was a header (and so not a record). */
  header: boolean;
  /** Position → column; undefined for a position the GED does not have. */
  columns: readonly (GedColumn | undefined)[];
  /** Positions outside the GED columns, kept in provenance.unmapped under `key`. */
  extra: readonly { index: number; key: string }[];
  width: number;
}

/** Columns only the 20.1+ layout has; any of them in a header says it is not 19.1. */
const newerColumns = new Set<string>(
  ged49Columns.filter((column) => !(ged42Columns as readonly string[]).includes(column)),
);

const wholeNumber = /^\d+$/;

/**
 * A first row without a header: its first cell is an event id (a whole number) and it has
 * as many cells as one of the published layouts.
 */
export function headerlessLayout(fields: readonly string[]): ColumnLayout | undefined {
  if (!wholeNumber.test((fields[0] ?? '').trim())) return undefined;
  const columns =
    fields.length === ged49Columns.length
      ? ged49Columns
      : fields.length === ged42Columns.length
        ? ged42Columns
        : undefined;
  if (!columns) return undefined;
  return {
    layout: columns === ged49Columns ? 'ucdp-ged-49' : 'ucdp-ged-42',
    header: false,
    columns,
    extra: [],
    width: fields.length,
  };
}

/** Whether a first row looks like a record of a headerless file (even of an unknown width). */
export function startsWithRecord(fields: readonly string[]): boolean {
  return wholeNumber.test((fields[0] ?? '').trim());
}

/** Reads a header row; problems (duplicate, unknown or missing labels) go to `report`. */
export function headerLayout(
  fields: readonly string[],
  report: (issue: ValidationIssue) => void,
): ColumnLayout {
  const columns: (GedColumn | undefined)[] = [];
  const extra: { index: number; key: string }[] = [];
  const seen = new Map<GedColumn, number>();
  fields.forEach((raw, index) => {
    const fieldNumber = index + 1;
    const label = raw.trim();
    const column = gedColumnOf(label);
    if (column === undefined) {
      const key = label === '' ? `column_${fieldNumber}` : label;
      report({
        code: label === '' ? 'blank-label' : 'extra-label',
        severity: 'warning',
        message: `column ${fieldNumber} ${label === '' ? 'has no label' : `("${label}") is not a UCDP GED column`}; its cells are kept in provenance.unmapped as "${key}"`,
        field: key,
        fieldNumber,
      });
      columns.push(undefined);
      extra.push({ index, key });
      return;
    }
    const first = seen.get(column);
    if (first !== undefined) {
      const key = `${label}_${fieldNumber}`;
      report({
        code: 'duplicate-label',
        severity: 'error',
        message: `column ${fieldNumber} repeats "${label}" of column ${first}; its cells are kept in provenance.unmapped as "${key}"`,
        field: label,
        fieldNumber,
      });
      columns.push(undefined);
      extra.push({ index, key });
      return;
    }
    seen.set(column, fieldNumber);
    columns.push(column);
  });
  for (const name of requiredColumns) {
    if (!seen.has(name))
      report({
        code: 'missing-label',
        severity: 'error',
        message: `the header has no "${name}" column, which every event needs`,
        field: name,
      });
  }
  const layout: GedLayout = seen.has(hdxExtraColumn)
    ? 'ucdp-ged-hdx'
    : [...seen.keys()].some((column) => newerColumns.has(column))
      ? 'ucdp-ged-49'
      : 'ucdp-ged-42';
  return { layout, header: true, columns, extra, width: fields.length };
}

/** The HXL hashtag row of HDX files: every non-empty cell starts with `#`. */
export function isHashtagRow(fields: readonly string[]): boolean {
  const filled = fields.map((field) => field.trim()).filter((field) => field !== '');
  return filled.length > 0 && filled.every((field) => field.startsWith('#'));
}
