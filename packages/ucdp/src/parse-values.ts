// Cell parsing shared by the CSV and JSON readers: strict numbers and the date forms the
// published files use.

import { parseDecimal, parseWholeNumber } from '@conflict-events/io';

export { parseDecimal, parseWholeNumber };

// GED releases print dates as `YYYY-MM-DD`; conversions through R or a database add a time
// (`YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DDTHH:MM:SS.sss`), which carries no information here.
const dateForm =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The calendar date of a date or date-time cell, if it is a real date. */
export function datePart(text: string): string | undefined {
  const match = dateForm.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day] = match;
  const date = `${year}-${month}-${day}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date)
    ? date
    : undefined;
}
