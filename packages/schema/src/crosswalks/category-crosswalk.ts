import type { Citation } from '../taxonomy/citations.ts';
import type { EventCategory, EventSubType } from '../taxonomy/event-categories.ts';

/** One row of a crosswalk from another scheme's event code to the core taxonomy. */
export interface CategoryCrosswalkRow<Code extends string | number> {
  code: Code;
  /** The scheme's own label for the code. */
  label: string;
  /** The core category, when the code determines exactly one. */
  category?: EventCategory;
  /** The core sub-type, when the code determines exactly one. */
  subType?: EventSubType;
  /** Every core category the code's events may fall in; empty when none is a conflict event. */
  candidates: readonly EventCategory[];
  /** True when the code alone does not determine one core category and one sub-type. */
  ambiguous: boolean;
  note?: string;
  cite: Citation;
}

/** Builds a row whose candidates and ambiguity follow from what it maps to. */
export function crosswalkRow<Code extends string | number>(
  code: Code,
  label: string,
  target: {
    category?: EventCategory;
    subType?: EventSubType;
    candidates?: readonly EventCategory[];
    note?: string;
  },
  cite: Citation,
): CategoryCrosswalkRow<Code> {
  const candidates = target.candidates ?? (target.category ? [target.category] : []);
  const row: CategoryCrosswalkRow<Code> = {
    code,
    label,
    candidates,
    ambiguous:
      candidates.length > 0 && (target.category === undefined || target.subType === undefined),
    cite,
  };
  if (target.category) row.category = target.category;
  if (target.subType) row.subType = target.subType;
  if (target.note) row.note = target.note;
  return row;
}
