import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  calendarDate,
  monthNumber,
  parseDecimal,
  parseIsoDate,
  parseWholeNumber,
} from '../src/index.ts';

describe('cell parsers shared by the importers', () => {
  test('numbers: plain decimals only', () => {
    expect(parseDecimal(' -12.5 ')).toBe(-12.5);
    for (const text of ['1e3', '0x1F', '1,5', 'NaN', '', ' '])
      expect(parseDecimal(text)).toBeUndefined();
    expect(parseWholeNumber('12.0')).toBe(12);
    expect(parseWholeNumber('12.5')).toBeUndefined();
  });

  test('calendar dates: only days the calendar has, years 1 to 9999 as written', () => {
    expect(calendarDate(2016, 2, 29)).toBe('2016-02-29');
    expect(calendarDate(2015, 2, 29)).toBeUndefined();
    expect(calendarDate(2016, 2, 30)).toBeUndefined();
    expect(calendarDate(2016, 13, 1)).toBeUndefined();
    expect(calendarDate(50, 1, 1)).toBe('0050-01-01');
    expect(calendarDate(0, 1, 1)).toBeUndefined();
    expect(calendarDate(10000, 1, 1)).toBeUndefined();
    expect(calendarDate(2016, 1.5, 1)).toBeUndefined();
  });

  test("calendar dates agree with JavaScript's Date on any numbers", () => {
    // The reference: a Date made from the parts must give the same parts back.
    const byDate = (year: number, month: number, day: number): string | undefined => {
      if (year < 1 || year > 9999) return undefined;
      const date = new Date(Date.UTC(year, month - 1, day));
      date.setUTCFullYear(year);
      if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
      return date.toISOString().slice(0, 10);
    };
    fc.assert(
      fc.property(
        fc.integer({ min: -2, max: 10_001 }),
        fc.integer({ min: -1, max: 14 }),
        fc.integer({ min: -1, max: 33 }),
        (year, month, day) => {
          expect(calendarDate(year, month, day)).toBe(byDate(year, month, day));
        },
      ),
      { numRuns: 5000 },
    );
    for (const year of [1, 4, 100, 400, 1900, 2000, 2100, 9996])
      expect(calendarDate(year, 2, 29)).toBe(byDate(year, 2, 29));
  });

  test('month names, whole or three letters, any case', () => {
    expect(monthNumber('August')).toBe(8);
    expect(monthNumber('aug')).toBe(8);
    expect(monthNumber('SEPTEMBER')).toBe(9);
    expect(monthNumber('Augu')).toBeUndefined();
  });

  test('ISO dates, with a time part dropped', () => {
    expect(parseIsoDate('2016-08-01')).toBe('2016-08-01');
    expect(parseIsoDate('2016-08-01 00:00:00.000')).toBe('2016-08-01');
    expect(parseIsoDate('2016-08-01T12:30:00+02:00')).toBe('2016-08-01');
    expect(parseIsoDate('2016-02-30')).toBeUndefined();
    expect(parseIsoDate('31/12/99')).toBeUndefined();
  });
});
