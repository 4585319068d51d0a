// Cell parsing: strict numbers, the date forms ACLED files have printed over the years, and
// the Unix timestamps of the `timestamp` column.

import {
  calendarDate,
  monthNumber,
  parseDecimal,
  parseIsoDate,
  parseWholeNumber,
} from '@conflict-events/io';

export { parseDecimal, parseWholeNumber };

/** A number as a plain decimal, never in exponent form, so strict readers take it back. */
export function formatDecimal(value: number): string {
  const text = String(value + 0);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  // Shift the shortest digits JavaScript prints by the exponent, so no digit is invented.
  const [, sign = '', first = '', rest = '', exponentText = '0'] = match;
  const digits = first + rest;
  const point = 1 + Number(exponentText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

// `01 August 2016` (2019–2022 exports) and `01-August-2016` (country files up to 2016),
// also with the three-letter month names spreadsheets print.
const namedMonthForm = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/;
// `01/08/2016`: day first, as the country files up to 2016 print it.
const slashForm = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** The calendar date (`YYYY-MM-DD`) of an ACLED `event_date` cell, or undefined. */
export function parseAcledDate(text: string): string | undefined {
  const trimmed = text.trim();
  const iso = parseIsoDate(trimmed);
  if (iso) return iso;
  const named = namedMonthForm.exec(trimmed);
  if (named) {
    const month = monthNumber(named[2] ?? '');
    return month === undefined
      ? undefined
      : calendarDate(Number(named[3]), month, Number(named[1]));
  }
  const slash = slashForm.exec(trimmed);
  if (slash) return calendarDate(Number(slash[3]), Number(slash[2]), Number(slash[1]));
  return undefined;
}

/** A date moved by whole days. */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** The first and last day of the month a date falls in. */
export function monthOfDate(date: string): { start: string; end: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return {
    start: `${date.slice(0, 7)}-01`,
    end: `${date.slice(0, 7)}-${String(last).padStart(2, '0')}`,
  };
}

/** ACLED's `timestamp` (Unix seconds) as an ISO date-time, or undefined if it is not one. */
export function parseUnixSeconds(text: string): string | undefined {
  // Rows of one download share a few timestamps: the last answer is kept.
  if (text === lastTimestamp.text) return lastTimestamp.iso;
  const seconds = parseWholeNumber(text);
  if (seconds === undefined || seconds < 0) return undefined;
  const date = new Date(seconds * 1000);
  const iso = Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  lastTimestamp.text = text;
  lastTimestamp.iso = iso;
  return iso;
}

const lastTimestamp: { text: string | undefined; iso: string | undefined } = {
  text: undefined,
  iso: undefined,
};

/** An ISO date-time as Unix seconds (whole seconds, rounded down). */
export function toUnixSeconds(dateTime: string): number | undefined {
  const time = Date.parse(dateTime);
  return Number.isNaN(time) ? undefined : Math.floor(time / 1000);
}
