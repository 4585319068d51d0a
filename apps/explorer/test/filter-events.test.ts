import { describe, expect, it } from 'vitest';
import { filterEvents, matchActorNames } from '../src/state/filter-events.ts';
import { emptyFilter, type FilterState } from '../src/state/filter-state.ts';
import { tableOf } from './fixtures/event-table.ts';
import { fixtureEvents } from './fixtures/events.ts';

const events = fixtureEvents();
const table = tableOf(events);

function passingIds(filter: Partial<FilterState>): string[] {
  const result = filterEvents(table, { ...emptyFilter, ...filter });
  const ids = table.ids.filter((_, index) => result.passes[index] === 1);
  expect(result.count).toBe(ids.length);
  return ids;
}

describe('filtering the event table', () => {
  it('lets everything through with the empty filter', () => {
    expect(passingIds({})).toEqual(events.map((event) => event.id));
  });

  it('filters by category and sub-type, with `none` for events without one', () => {
    expect(passingIds({ categories: ['protests', 'riots'] })).toEqual(['fx:culiacan-protest']);
    expect(passingIds({ categories: [] })).toEqual([]);
    expect(passingIds({ subTypes: ['agreement'] })).toEqual(['fx:no-point']);
    const withoutCategory = tableOf([
      { ...events[0], id: 'fx:no-category', type: {} } as (typeof events)[number],
    ]);
    const result = filterEvents(withoutCategory, { ...emptyFilter, categories: ['none'] });
    expect(result.count).toBe(1);
  });

  it('filters by country, and a country the file lacks matches nothing', () => {
    expect(passingIds({ country: 'MEX' })).toEqual(['fx:culiacan-protest']);
    expect(passingIds({ country: 'FRA' })).toEqual([]);
  });

  it('finds actors by part of the name, ignoring case', () => {
    expect(passingIds({ actor: 'rebel front' })).toEqual(['fx:aleppo-clash', 'fx:bounds-disagree']);
    expect(passingIds({ actor: '  ' })).toHaveLength(events.length);
    expect(matchActorNames(['Alpha', 'beta'], 'A')).toEqual(new Uint8Array([1, 1]));
    expect(matchActorNames(['Alpha'], '')).toBeUndefined();
  });

  it('keeps events whose date range overlaps the chosen range', () => {
    // The protest is known only to November 2020: a range inside the month overlaps it.
    expect(passingIds({ from: '2020-11-10', to: '2020-11-12' })).toEqual(['fx:culiacan-protest']);
    expect(passingIds({ from: '2016-07-16' })).toEqual([
      'fx:aleppo-clash',
      'fx:kharkiv-shelling',
      'fx:maiduguri-attack',
      'fx:culiacan-protest',
      'fx:no-point',
    ]);
    expect(passingIds({ to: '2016-07-15' })).toEqual(['fx:bounds-disagree']);
  });

  it('treats an unknown toll as unknown, not as zero', () => {
    expect(passingIds({ fatalitiesMax: 0 })).toEqual([
      'fx:kharkiv-shelling',
      'fx:maiduguri-attack',
      'fx:culiacan-protest',
      'fx:no-point',
    ]);
    expect(passingIds({ fatalitiesMax: 0, includeUnknownFatalities: false })).toEqual([
      'fx:maiduguri-attack',
      'fx:culiacan-protest',
    ]);
    expect(passingIds({ fatalitiesMin: 5, includeUnknownFatalities: false })).toEqual([
      'fx:aleppo-clash',
    ]);
  });

  it('gives the timeline the events that pass everything but the date', () => {
    const result = filterEvents(table, { ...emptyFilter, country: 'SYR', from: '2016-08-01' });
    const butDate = table.ids.filter((_, index) => result.passesButDate[index] === 1);
    expect(butDate).toEqual(['fx:aleppo-clash', 'fx:no-point', 'fx:bounds-disagree']);
    expect(result.count).toBe(1);
  });

  it('combines every filter', () => {
    expect(
      passingIds({
        categories: ['battles'],
        country: 'SYR',
        actor: 'army',
        from: '2016-01-01',
        to: '2016-12-31',
        fatalitiesMin: 10,
      }),
    ).toEqual(['fx:aleppo-clash']);
  });
});
