// Applies a filter to an event table in one pass over typed arrays. It answers two masks:
// the events that pass everything (map, list, export) and those that pass everything but
// the date range (the timeline, which shows where the brush could go).
import { eventCategories, eventSubTypes } from '@conflict-events/schema';
import { dayFromIso } from '../data/days.ts';
import { type EventTable, noCode, unknownFatalities } from '../data/event-table.ts';
import { type FilterState, noCategoryToken, noCountryToken } from './filter-state.ts';

export interface FilterResult {
  /** 1 where the event passes every filter. */
  passes: Uint8Array;
  /** 1 where the event passes every filter except the date range. */
  passesButDate: Uint8Array;
  /** Events that pass every filter. */
  count: number;
}

/** 1 at each code the list allows; `none` allows `noCode`. Absent list: every code. */
function allowedCodes(
  tokens: readonly string[] | undefined,
  vocabulary: readonly string[],
): Uint8Array {
  const allowed = new Uint8Array(256);
  if (tokens === undefined) return allowed.fill(1);
  for (const token of tokens) {
    if (token === noCategoryToken) allowed[noCode] = 1;
    const index = vocabulary.indexOf(token);
    if (index !== -1) allowed[index] = 1;
  }
  return allowed;
}

/** The country's index in the table; -1 for every country; -2 when no event has it. */
function countryFilterIndex(table: EventTable, country: string | undefined): number {
  if (country === undefined) return -1;
  const code = country === noCountryToken ? '' : country;
  const index = table.countries.indexOf(code);
  return index === -1 ? -2 : index;
}

/** 1 for each actor name that contains the search text; undefined when there is none. */
export function matchActorNames(names: readonly string[], search: string): Uint8Array | undefined {
  const needle = search.trim().toLocaleLowerCase();
  if (needle === '') return undefined;
  const matches = new Uint8Array(names.length);
  names.forEach((name, index) => {
    if (name.toLocaleLowerCase().includes(needle)) matches[index] = 1;
  });
  return matches;
}

export function filterEvents(table: EventTable, filter: FilterState): FilterResult {
  const count = table.count;
  const passes = new Uint8Array(count);
  const passesButDate = new Uint8Array(count);
  const categories = allowedCodes(filter.categories, eventCategories);
  const subTypes = allowedCodes(filter.subTypes, eventSubTypes);
  const country = countryFilterIndex(table, filter.country);
  const actors = matchActorNames(table.actorNames, filter.actor);
  const fromDay = filter.from === undefined ? undefined : dayFromIso(filter.from);
  const toDay = filter.to === undefined ? undefined : dayFromIso(filter.to);
  const first = fromDay ?? Number.NEGATIVE_INFINITY;
  const last = toDay ?? Number.POSITIVE_INFINITY;
  const minimum = filter.fatalitiesMin ?? Number.NEGATIVE_INFINITY;
  const maximum = filter.fatalitiesMax ?? Number.POSITIVE_INFINITY;
  const includeUnknown = filter.includeUnknownFatalities;
  let passing = 0;

  for (let index = 0; index < count; index++) {
    if (categories[table.category[index] ?? noCode] !== 1) continue;
    if (subTypes[table.subType[index] ?? noCode] !== 1) continue;
    if (country !== -1 && table.country[index] !== country) continue;
    const fatalities = table.fatalities[index] ?? unknownFatalities;
    if (fatalities === unknownFatalities) {
      if (!includeUnknown) continue;
    } else if (fatalities < minimum || fatalities > maximum) {
      continue;
    }
    if (actors) {
      const end = table.actorOffsets[index + 1] ?? 0;
      let found = false;
      for (let slot = table.actorOffsets[index] ?? 0; slot < end; slot++) {
        if (actors[table.actorNameIds[slot] ?? 0] === 1) {
          found = true;
          break;
        }
      }
      if (!found) continue;
    }
    passesButDate[index] = 1;
    // The date range may be narrower than the event's: it passes when they overlap.
    if ((table.endDay[index] ?? 0) < first || (table.startDay[index] ?? 0) > last) continue;
    passes[index] = 1;
    passing += 1;
  }
  return { passes, passesButDate, count: passing };
}
