import { describe, expect, it } from 'vitest';
import { dayFromIso, firstDayOfMonth, isoFromDay, weekdayOf } from '../src/data/days.ts';

describe('calendar days as numbers', () => {
  it('counts days from 1970-01-01 and back', () => {
    expect(dayFromIso('1970-01-01')).toBe(0);
    expect(dayFromIso('1970-01-02')).toBe(1);
    expect(dayFromIso('1969-12-31')).toBe(-1);
    expect(isoFromDay(dayFromIso('2016-08-01') ?? 0)).toBe('2016-08-01');
    expect(isoFromDay(dayFromIso('2024-02-29') ?? 0)).toBe('2024-02-29');
  });

  it('refuses dates that do not exist or are not dates', () => {
    expect(dayFromIso('2016-02-30')).toBeUndefined();
    expect(dayFromIso('2023-02-29')).toBeUndefined();
    expect(dayFromIso('2016-13-01')).toBeUndefined();
    expect(dayFromIso('1 August 2016')).toBeUndefined();
    expect(dayFromIso('')).toBeUndefined();
  });

  it('knows the weekday (Monday 0) and the first day of a month across years', () => {
    expect(weekdayOf(dayFromIso('2016-08-01') ?? 0)).toBe(0);
    expect(weekdayOf(dayFromIso('2016-07-31') ?? 0)).toBe(6);
    expect(weekdayOf(dayFromIso('1969-12-29') ?? 0)).toBe(0);
    expect(isoFromDay(firstDayOfMonth(2016, 12))).toBe('2017-01-01');
    expect(isoFromDay(firstDayOfMonth(2016, -1))).toBe('2015-12-01');
  });
});
