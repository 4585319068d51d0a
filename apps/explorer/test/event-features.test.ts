import { describe, expect, it } from 'vitest';
import { eventFeatureTexts, featureCollectionText } from '../src/map/event-features.ts';
import { ringPixelsAtZoomZero, ringRadiusKilometres } from '../src/map/precision-rings.ts';
import { tableOf } from './fixtures/event-table.ts';
import { fixtureEvents } from './fixtures/events.ts';

describe('the map data made in the worker', () => {
  const events = fixtureEvents();
  const table = tableOf(events);
  const texts = eventFeatureTexts(table);

  it('makes one point feature per event with a point, and none without', () => {
    expect(texts).toHaveLength(events.length);
    expect(texts[events.findIndex((event) => event.id === 'fx:no-point')]).toBe('');
    const feature = JSON.parse(texts[0] ?? '');
    expect(feature).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [37.1343, 36.2021] },
      properties: { i: 0, c: 0, f: 12, p: 1, r: 0 },
    });
    const kharkiv = JSON.parse(texts[1] ?? '');
    // An imprecise point: translucent (p 0), an unknown toll (f -1), a ring.
    expect(kharkiv.properties).toMatchObject({ i: 1, f: -1, p: 0 });
    expect(kharkiv.properties.r).toBeGreaterThan(0);
  });

  it('collects the features of the events that pass', () => {
    const passes = Uint8Array.from([1, 0, 0, 1, 1, 0]);
    const collection = JSON.parse(featureCollectionText(texts, passes));
    expect(collection.type).toBe('FeatureCollection');
    expect(
      collection.features.map((feature: { properties: { i: number } }) => feature.properties.i),
    ).toEqual([0, 3]);
    expect(JSON.parse(featureCollectionText(texts, new Uint8Array(6))).features).toEqual([]);
  });
});

describe('precision rings', () => {
  it('draws no ring for an exact place, and a ring to scale for the others', () => {
    expect(ringPixelsAtZoomZero(0, 0)).toBe(0);
    const near = ringPixelsAtZoomZero(1, 0);
    // 25 km at zoom 0, where a 512-pixel world is 40 075 km wide.
    expect(near).toBeCloseTo((ringRadiusKilometres.near * 512) / 40_075.016686, 6);
    // Mercator doubles distances at 60° latitude.
    expect(ringPixelsAtZoomZero(1, 60)).toBeCloseTo(near * 2, 6);
  });
});
