// Calendar days as whole numbers (days since 1970-01-01, UTC), so that date filters and the
// timeline compare integers in typed arrays instead of parsing strings per event.

const dayMilliseconds = 86_400_000;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a `YYYY-MM-DD` date, or undefined when the text is not such a date. */
export function dayFromIso(text: string): number | undefined {
  const match = isoDatePattern.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  // Date.UTC rolls 2016-02-31 over into March; a date that does not exist is not a date.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return undefined;
  if (date.getUTCDate() !== day) return undefined;
  return Math.round(time / dayMilliseconds);
}

/** The `YYYY-MM-DD` text of a day number. */
export function isoFromDay(day: number): string {
  return new Date(day * dayMilliseconds).toISOString().slice(0, 10);
}

/** Year and zero-based month of a day number. */
export function yearMonthOf(day: number): { year: number; month: number } {
  const date = new Date(day * dayMilliseconds);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() };
}

/** The day number of the first day of a month (zero-based month; overflow rolls into years). */
export function firstDayOfMonth(year: number, month: number): number {
  return Math.round(Date.UTC(year, month, 1) / dayMilliseconds);
}

/** Day of the week of a day number, Monday 0 to Sunday 6 (ISO order). */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (ISO weekday 3 counting Monday as 0).
  return (((day + 3) % 7) + 7) % 7;
}
