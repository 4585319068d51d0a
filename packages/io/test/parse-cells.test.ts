import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  calendarDate,
  monthNumber,
  parseDecimal,
  parseIsoDate,
  parseWholeNumber,
  printsAsNumber,
} from '../src/index.ts';

describe('cell parsers shared by the importers', () => {
  test('numbers: plain decimals only', () => {
    expect(parseDecimal(' -12.5 ')).toBe(-12.5);
    for (const text of ['1e3', '0x1F', '1,5', 'NaN', '', ' '])
      expect(parseDecimal(text)).toBeUndefined();
    expect(parseWholeNumber('12.0')).toBe(12);
    expect(parseWholeNumber('12.5')).toBeUndefined();
  });

  test('a cell prints its number as JavaScript does exactly when String(number) gives it back', () => {
    const reference = (text: string): boolean => String(Number(text)) === text;
    const cases = [
      '0',
      '-0',
      '0.0',
      '-0.0',
      '1',
      '-1',
      '1.',
      '.5',
      '-.5',
      '0.5',
      '-0.5',
      '1.50',
      '007',
      '35.931',
      '35.9310',
      '-179.999999',
      '0.000001',
      '0.0000001',
      '-0.0000012',
      '1e3',
      '100000000000000000000',
      '1000000000000000000000',
      '123456789012345',
      '1234567890123456',
      '0.1234567890123456',
      '9007199254740993',
      '0.30000000000000004',
      '1700000000',
      ' 1.5',
      '1.5 ',
      '+1',
    ];
    for (const text of cases)
      expect(printsAsNumber(text, Number(text)), text).toBe(reference(text));
    const digits = (max: number) =>
      fc
        .array(fc.constantFrom('0', '0', '0', '1', '5', '9'), { maxLength: max })
        .map((d) => d.join(''));
    const decimalText = fc
      .tuple(fc.boolean(), digits(23), fc.option(digits(20)))
      .map(
        ([negative, whole, fraction]) =>
          `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`,
      )
      .filter((text) => parseDecimal(text) !== undefined);
    fc.assert(
      fc.property(decimalText, (text) => printsAsNumber(text, Number(text)) === reference(text)),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = String(value);
        return (
          printsAsNumber(text, value) === true &&
          printsAsNumber(`${text}0`, Number(`${text}0`)) === reference(`${text}0`)
        );
      }),
      { numRuns: 20_000 },
    );
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
