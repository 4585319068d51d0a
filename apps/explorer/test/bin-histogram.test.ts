import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay } from '../src/data/days.ts';
import {
  binEdges,
  binHistogram,
  binIndexOf,
  binStart,
  chooseBinUnit,
  nextBinStart,
} from '../src/timeline/bin-histogram.ts';

const day = (text: string) => dayFromIso(text) ?? Number.NaN;

describe('timeline bins', () => {
  it('starts weeks on Monday, months on the 1st, years on 1 January', () => {
    expect(isoFromDay(binStart(day('2016-08-03'), 'week'))).toBe('2016-08-01');
    expect(isoFromDay(binStart(day('2016-07-31'), 'week'))).toBe('2016-07-25');
    expect(isoFromDay(binStart(day('2016-08-31'), 'month'))).toBe('2016-08-01');
    expect(isoFromDay(nextBinStart(day('2016-12-01'), 'month'))).toBe('2017-01-01');
    expect(isoFromDay(binStart(day('2016-08-31'), 'year'))).toBe('2016-01-01');
    expect(isoFromDay(nextBinStart(day('2016-01-01'), 'year'))).toBe('2017-01-01');
  });

  it('covers the first and the last day with whole bins', () => {
    const edges = binEdges(day('2016-01-15'), day('2016-03-01'), 'month');
    expect([...edges].map(isoFromDay)).toEqual([
      '2016-01-01',
      '2016-02-01',
      '2016-03-01',
      '2016-04-01',
    ]);
    expect(binIndexOf(edges, day('2016-02-29'))).toBe(1);
    expect(binIndexOf(edges, day('2016-03-31'))).toBe(2);
    expect(binIndexOf(edges, day('2016-04-01'))).toBe(-1);
    expect(binIndexOf(edges, day('2015-12-31'))).toBe(-1);
  });

  it('chooses the finest unit that fits the bin budget', () => {
    expect(chooseBinUnit(day('2016-07-01'), day('2016-08-01'))).toBe('day');
    expect(chooseBinUnit(day('2016-01-01'), day('2017-06-01'))).toBe('week');
    expect(chooseBinUnit(day('2000-01-01'), day('2012-01-01'))).toBe('month');
    expect(chooseBinUnit(day('1989-01-01'), day('2024-01-01'))).toBe('year');
    expect(chooseBinUnit(day('2016-08-01'), day('2016-08-01'))).toBe('day');
  });

  it('counts events, or sums known fatalities and counts unknown tolls apart', () => {
    const startDay = Int32Array.from([
      day('2016-07-31'),
      day('2016-08-01'),
      day('2016-08-01'),
      day('2016-08-02'),
      day('2016-08-02'),
    ]);
    const include = Uint8Array.from([1, 1, 1, 1, 0]);
    const fatalities = Int32Array.from([5, -1, 4, 0, 100]);
    const edges = binEdges(day('2016-07-31'), day('2016-08-02'), 'day');
    const events = binHistogram({ startDay, include, edges, unit: 'day' });
    expect([...events.values]).toEqual([1, 2, 1]);
    expect([...events.unknown]).toEqual([0, 0, 0]);
    const tolls = binHistogram({ startDay, include, edges, unit: 'day', fatalities });
    expect([...tolls.values]).toEqual([5, 4, 0]);
    expect([...tolls.unknown]).toEqual([0, 1, 0]);
  });

  it('bins by the first possible day', () => {
    const startDay = Int32Array.from([day('2020-11-01')]);
    const edges = binEdges(day('2020-10-01'), day('2020-12-31'), 'month');
    const histogram = binHistogram({ startDay, include: Uint8Array.of(1), edges, unit: 'month' });
    expect([...histogram.values]).toEqual([0, 1, 0]);
  });
});
