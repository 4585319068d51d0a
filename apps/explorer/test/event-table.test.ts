import { datePrecisions, eventCategories, locationPrecisions } from '@conflict-events/schema';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../src/data/days.ts';
import { noCode, transferListOf, unknownFatalities } from '../src/data/event-table.ts';
import { tableOf } from './fixtures/event-table.ts';
import { fixtureEvents, markupText } from './fixtures/events.ts';

describe('the columnar event table', () => {
  const events = fixtureEvents();
  const table = tableOf(events);

  it('has one row per event in input order', () => {
    expect(table.count).toBe(events.length);
    expect(table.ids).toEqual(events.map((event) => event.id));
    expect(table.lon).toHaveLength(events.length);
    expect(table.actorOffsets).toHaveLength(events.length + 1);
  });

  it('keeps points, and NaN where there is none', () => {
    expect(table.lat[0]).toBeCloseTo(36.2021);
    expect(table.lon[0]).toBeCloseTo(37.1343);
    const noPoint = table.ids.indexOf('fx:no-point');
    expect(Number.isNaN(table.lon[noPoint])).toBe(true);
    expect(Number.isNaN(table.lat[noPoint])).toBe(true);
  });

  it('codes dates, precision and categories as small integers', () => {
    const protest = table.ids.indexOf('fx:culiacan-protest');
    expect(table.startDay[protest]).toBe(dayFromIso('2020-11-01'));
    expect(table.endDay[protest]).toBe(dayFromIso('2020-11-30'));
    expect(datePrecisions[table.datePrecision[protest] ?? noCode]).toBe('month');
    expect(eventCategories[table.category[protest] ?? noCode]).toBe('protests');
    const kharkiv = table.ids.indexOf('fx:kharkiv-shelling');
    expect(locationPrecisions[table.locationPrecision[kharkiv] ?? noCode]).toBe('near');
  });

  it('marks an unknown toll apart from zero', () => {
    expect(table.fatalities[table.ids.indexOf('fx:kharkiv-shelling')]).toBe(unknownFatalities);
    expect(table.fatalities[table.ids.indexOf('fx:maiduguri-attack')]).toBe(0);
    expect(table.fatalities[0]).toBe(12);
  });

  it('shares one dictionary entry per actor name and per country', () => {
    const names = (index: number) =>
      [
        ...table.actorNameIds.subarray(table.actorOffsets[index], table.actorOffsets[index + 1]),
      ].map((id) => table.actorNames[id]);
    expect(names(0)).toEqual(['Test Army', 'Test Rebel Front']);
    expect(names(2)).toEqual([markupText, 'Civilians (Nigeria)']);
    expect(table.actorNames.filter((name) => name === 'Test Army')).toHaveLength(1);
    expect(table.countries).toEqual(['SYR', 'UKR', 'NGA', 'MEX']);
    expect(table.countryNames[0]).toBe('Syria');
  });

  it('names the place for a list: place, then admin area, then description', () => {
    expect(table.places[0]).toBe('Aleppo');
    expect(table.places[table.ids.indexOf('fx:maiduguri-attack')]).toBe('Borno');
    expect(table.places[table.ids.indexOf('fx:no-point')]).toBe('Somewhere in the north');
  });

  it('codes a missing category and country', () => {
    const [first] = events;
    if (!first) throw new Error('no fixture');
    const bare = tableOf([{ ...first, type: {}, location: { precision: 'unknown' } }]);
    expect(bare.category[0]).toBe(noCode);
    expect(bare.subType[0]).toBe(noCode);
    expect(bare.countries).toEqual(['']);
  });

  it('grows past its first allocation', () => {
    const [first] = events;
    if (!first) throw new Error('no fixture');
    const many = tableOf(
      Array.from({ length: 3000 }, (_, index) => ({ ...first, id: `fx:${index}` })),
    );
    expect(many.count).toBe(3000);
    expect(many.ids[2999]).toBe('fx:2999');
    expect(many.actorNameIds).toHaveLength(6000);
    expect(many.actorOffsets[3000]).toBe(6000);
  });

  it('lists a distinct buffer per typed array for the transfer', () => {
    const buffers = transferListOf(table);
    expect(new Set(buffers).size).toBe(buffers.length);
  });
});
