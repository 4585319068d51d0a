// Bins events by their first possible day into days, weeks, months or years, for the
// timeline. Binning by the first day is a choice: an event known only to its month counts
// in the bin where its month starts; the event panel shows the whole range.
import { firstDayOfMonth, weekdayOf, yearMonthOf } from '../data/days.ts';
import { unknownFatalities } from '../data/event-table.ts';

export type BinUnit = 'day' | 'week' | 'month' | 'year';

const binUnits: readonly BinUnit[] = ['day', 'week', 'month', 'year'];

/** The first day of the bin holding `day`. Weeks start on Monday (ISO 8601). */
export function binStart(day: number, unit: BinUnit): number {
  if (unit === 'day') return day;
  if (unit === 'week') return day - weekdayOf(day);
  const { year, month } = yearMonthOf(day);
  return unit === 'month' ? firstDayOfMonth(year, month) : firstDayOfMonth(year, 0);
}

/** The first day of the bin after the one starting at `start`. */
export function nextBinStart(start: number, unit: BinUnit): number {
  if (unit === 'day') return start + 1;
  if (unit === 'week') return start + 7;
  const { year, month } = yearMonthOf(start);
  return unit === 'month' ? firstDayOfMonth(year, month + 1) : firstDayOfMonth(year + 1, 0);
}

/** Bin edges from the bin of `firstDay` to the end of the bin of `lastDay`. */
export function binEdges(firstDay: number, lastDay: number, unit: BinUnit): Int32Array {
  const edges: number[] = [];
  let edge = binStart(firstDay, unit);
  edges.push(edge);
  while (edge <= lastDay) {
    edge = nextBinStart(edge, unit);
    edges.push(edge);
  }
  return Int32Array.from(edges);
}

/** The finest unit that covers the days in at most `maxBins` bins. */
export function chooseBinUnit(firstDay: number, lastDay: number, maxBins = 160): BinUnit {
  for (const unit of binUnits) {
    if (binEdges(firstDay, lastDay, unit).length - 1 <= maxBins) return unit;
  }
  return 'year';
}

export interface Histogram {
  unit: BinUnit;
  /** Bin i covers days `edges[i]` to `edges[i + 1] - 1`. */
  edges: Int32Array;
  /** Events, or known fatalities, per bin. */
  values: Float64Array;
  /** Events per bin whose toll is unknown: not counted as zero fatalities, counted apart. */
  unknown: Uint32Array;
}

export interface HistogramInput {
  startDay: Int32Array;
  /** Which events to count (1) and which not (0). */
  include: Uint8Array;
  /** Per event the best fatality estimate (or `unknownFatalities`) to sum instead of counting. */
  fatalities?: Int32Array;
  edges: Int32Array;
  unit: BinUnit;
}

/** Index of the bin holding `day`, or -1 outside the edges (binary search over edges). */
export function binIndexOf(edges: Int32Array, day: number): number {
  const bins = edges.length - 1;
  if (bins < 1 || day < (edges[0] ?? 0) || day >= (edges[bins] ?? 0)) return -1;
  let low = 0;
  let high = bins - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((edges[middle] ?? 0) <= day) low = middle;
    else high = middle - 1;
  }
  return low;
}

export function binHistogram(input: HistogramInput): Histogram {
  const bins = Math.max(0, input.edges.length - 1);
  const values = new Float64Array(bins);
  const unknown = new Uint32Array(bins);
  const { startDay, include, fatalities, edges } = input;
  for (let index = 0; index < startDay.length; index++) {
    if (include[index] !== 1) continue;
    const bin = binIndexOf(edges, startDay[index] ?? 0);
    if (bin === -1) continue;
    if (!fatalities) {
      values[bin] = (values[bin] ?? 0) + 1;
      continue;
    }
    const toll = fatalities[index] ?? unknownFatalities;
    if (toll === unknownFatalities) unknown[bin] = (unknown[bin] ?? 0) + 1;
    else values[bin] = (values[bin] ?? 0) + toll;
  }
  return { unit: input.unit, edges, values, unknown };
}
