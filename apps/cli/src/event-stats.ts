import type { ConflictEvent } from '@conflict-events/schema';

export interface EventStats {
  events: number;
  byCategory: Record<string, number>;
  byCountry: Record<string, number>;
  byYear: Record<string, number>;
  /** Actors (not events) per kind: an event with two state forces counts twice. */
  actorsByKind: Record<string, number>;
  fatalities: {
    /** Events with a reported toll, zero included. */
    known: number;
    /** Events with no toll reported: not zero, so kept out of the sums. */
    unknown: number;
    best: number;
    /** A toll without bounds is its own low and high, so the sums stay comparable. */
    low: number;
    high: number;
  };
  dates: { first?: string; last?: string };
}

export function emptyStats(): EventStats {
  return {
    events: 0,
    byCategory: {},
    byCountry: {},
    byYear: {},
    actorsByKind: {},
    fatalities: { known: 0, unknown: 0, best: 0, low: 0, high: 0 },
    dates: {},
  };
}

function bump(table: Record<string, number>, key: string): void {
  table[key] = (table[key] ?? 0) + 1;
}

export function addEvent(stats: EventStats, event: ConflictEvent): void {
  stats.events += 1;
  bump(stats.byCategory, event.type.category ?? 'none');
  bump(stats.byCountry, event.location.country ?? 'unknown');
  bump(stats.byYear, event.date.start.slice(0, 4));
  for (const actor of event.actors) bump(stats.actorsByKind, actor.kind);
  const toll = event.fatalities;
  if (toll.known) {
    stats.fatalities.known += 1;
    stats.fatalities.best += toll.best;
    stats.fatalities.low += toll.low ?? toll.best;
    stats.fatalities.high += toll.high ?? toll.best;
  } else {
    stats.fatalities.unknown += 1;
  }
  const { first, last } = stats.dates;
  if (first === undefined || event.date.start < first) stats.dates.first = event.date.start;
  if (last === undefined || event.date.end > last) stats.dates.last = event.date.end;
}

function table(title: string, counts: Record<string, number>, byKey = false): string[] {
  const rows = Object.entries(counts).sort(([keyA, a], [keyB, b]) =>
    byKey ? keyA.localeCompare(keyB) : b - a || keyA.localeCompare(keyB),
  );
  const width = Math.max(title.length, ...rows.map(([key]) => key.length));
  return [
    title,
    ...rows.map(([key, count]) => `  ${key.padEnd(width)}  ${String(count).padStart(8)}`),
  ];
}

export function renderStats(stats: EventStats): string {
  const { fatalities, dates } = stats;
  const lines = [
    `events      ${stats.events}`,
    `dates       ${dates.first ?? '-'} to ${dates.last ?? '-'}`,
    `fatalities  best ${fatalities.best}, low ${fatalities.low}, high ${fatalities.high} over ${fatalities.known} events; ${fatalities.unknown} events with no toll reported`,
    '',
    ...table('by category', stats.byCategory),
    '',
    ...table('by country', stats.byCountry),
    '',
    ...table('by year', stats.byYear, true),
    '',
    ...table('actors by kind', stats.actorsByKind),
  ];
  return `${lines.join('\n')}\n`;
}
