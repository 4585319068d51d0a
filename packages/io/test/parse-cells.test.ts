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
