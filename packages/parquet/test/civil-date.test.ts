// ISO dates to Parquet DATE days and back: known values, invalid dates, every day of 0000–9999.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromIsoDate, isoDateFromDays } from '../src/civil-date.ts';

const firstDay = daysFromIsoDate('0000-01-01') as number;
const lastDay = daysFromIsoDate('9999-12-31') as number;

describe('ISO dates as Parquet DATE days', () => {
  it('counts days from 1970-01-01', () => {
    expect(daysFromIsoDate('1970-01-01')).toBe(0);
    expect(daysFromIsoDate('1969-12-31')).toBe(-1);
    expect(daysFromIsoDate('2016-08-01')).toBe(17_014);
    expect(daysFromIsoDate('2000-02-29')).toBe(11_016);
    expect(firstDay).toBe(-719_528);
    expect(lastDay).toBe(2_932_896);
  });

  it('refuses text that is not a real calendar date', () => {
    for (const text of [
      '2023-02-29',
      '1900-02-29',
      '2024-13-01',
      '2024-04-31',
      '2024-00-10',
      '24-01-01',
      '2024-1-01',
      'x',
      '',
    ]) {
      expect(daysFromIsoDate(text), text).toBeUndefined();
    }
  });

  it('gives back every date of years 0000–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: firstDay, max: lastDay }), (days) => {
        expect(daysFromIsoDate(isoDateFromDays(days))).toBe(days);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the JavaScript calendar where it is reliable (years 1000–9999)', () => {
    const from = daysFromIsoDate('1000-01-01') as number;
    fc.assert(
      fc.property(fc.integer({ min: from, max: lastDay }), (days) => {
        expect(isoDateFromDays(days)).toBe(new Date(days * 86_400_000).toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes years outside 0000–9999 in the expanded form, which the model refuses', () => {
    expect(isoDateFromDays(lastDay + 1)).toBe('+010000-01-01');
    expect(isoDateFromDays(firstDay - 1)).toBe('-000001-12-31');
  });
});
