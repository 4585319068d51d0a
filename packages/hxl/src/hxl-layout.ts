import type { ValidationIssue } from '@conflict-events/schema';
import { type HxlRole, hxlColumnRules, rulesOfPointer } from './hxl-columns.ts';
import { formatPattern, type HashtagSpec, parseHashtag, selectColumn } from './parse-hashtag.ts';

export interface HxlColumn {
  /** The header label, or the tag when there is no header row; the name issues use. */
  field: string;
  /** The key of the column's cells in provenance.unmapped; unique within the file. */
  key: string;
  spec?: HashtagSpec;
}

/** How a file's columns are read, from its hashtag row and the header row above it (if any). */
export interface HxlLayout {
  columns: HxlColumn[];
  /** Column index per role; a role without a column is absent. */
  roles: ReadonlyMap<HxlRole, number>;
  width: number;
}

/**
 * Builds the layout. `header` is the row right above the hashtag row, or undefined when the
 * hashtag row is the first row; then columns are named by their tags.
 */
export function buildLayout(
  tags: readonly string[],
  header: readonly string[] | undefined,
  report: (issue: ValidationIssue) => void,
): HxlLayout {
  const width = Math.max(tags.length, header?.length ?? 0);
  const specs: (HashtagSpec | undefined)[] = [];
  const columns: HxlColumn[] = [];
  const usedKeys = new Set<string>();
  for (let index = 0; index < width; index++) {
    const fieldNumber = index + 1;
    const tag = (tags[index] ?? '').trim();
    const label = (header?.[index] ?? '').trim();
    const spec = tag === '' ? undefined : parseHashtag(tag);
    if (tag !== '' && !spec) {
      report({
        code: 'hxl-invalid-tag',
        severity: 'warning',
        message: `"${tag}" in column ${fieldNumber} is not a valid HXL hashtag; the column is read as untagged and kept in provenance.unmapped`,
        field: label || tag,
        fieldNumber,
        value: tag,
      });
    }
    specs.push(spec);
    const field = label || tag || `column_${fieldNumber}`;
    const key = usedKeys.has(field) ? `${field}_${fieldNumber}` : field;
    usedKeys.add(key);
    columns.push(spec ? { field, key, spec } : { field, key });
  }
  const roles = new Map<HxlRole, number>();
  // Each column serves one role at most: once claimed it is hidden from later patterns.
  const unclaimed = [...specs];
  for (const rule of hxlColumnRules) {
    const index = selectColumn(unclaimed, rule.pattern);
    if (index === -1) continue;
    roles.set(rule.role, index);
    unclaimed[index] = undefined;
  }
  if (!roles.has('id')) {
    report({
      code: 'missing-label',
      severity: 'error',
      message: 'no column is tagged #event+code; every event needs an id, so every row is rejected',
      field: '#event+code',
    });
  }
  if (!roles.has('dateOccurred') && !roles.has('dateStart')) {
    report({
      code: 'missing-label',
      severity: 'error',
      message:
        'no column is tagged #date+occurred or #date+start; every event needs a date, so every row is rejected',
      field: '#date+occurred',
    });
  }
  return { columns, roles, width };
}

/** The column an event pointer stems from in this layout, for positioned issues. */
export function locateInLayout(
  layout: HxlLayout | undefined,
  pointer: string,
): { field: string; fieldNumber?: number } | undefined {
  const rules = rulesOfPointer(pointer);
  for (const rule of rules) {
    const index = layout?.roles.get(rule.role);
    const column = index === undefined ? undefined : layout?.columns[index];
    if (index !== undefined && column) return { field: column.field, fieldNumber: index + 1 };
  }
  const [rule] = rules;
  return rule ? { field: formatPattern(rule.pattern) } : undefined;
}
