import { describe, expect, it } from 'vitest';
import { emptyFilter, initialViewState, type ViewState } from '../src/state/filter-state.ts';
import { decodeViewState, encodeViewState } from '../src/state/url-state.ts';

describe('the view state in the URL fragment', () => {
  it('writes nothing for the default state, and reads nothing back as the default', () => {
    expect(encodeViewState(initialViewState)).toBe('');
    expect(decodeViewState('')).toEqual(initialViewState);
    expect(decodeViewState('#')).toEqual(initialViewState);
  });

  it('round-trips every part of the state', () => {
    const state: ViewState = {
      filter: {
        categories: ['battles', 'none'],
        subTypes: ['armed-clash'],
        country: 'SYR',
        actor: 'Rebel Front & co',
        from: '2016-07-01',
        to: '2016-08-01',
        fatalitiesMin: 1,
        fatalitiesMax: 100,
        includeUnknownFatalities: false,
      },
      measure: 'fatalities',
      selected: 'seed:2016-08-01-mi8-downing',
      map: { zoom: 6.5, lat: 36.2021, lon: 37.1343 },
    };
    const fragment = encodeViewState(state);
    expect(fragment).toContain('cat=battles%2Cnone');
    expect(decodeViewState(`#${fragment}`)).toEqual(state);
  });

  it('keeps an empty category list apart from no category filter', () => {
    const none = decodeViewState('cat=');
    expect(none.filter.categories).toEqual([]);
    expect(encodeViewState(none)).toBe('cat=');
    expect(decodeViewState('country=SYR').filter.categories).toBeUndefined();
  });

  it('drops values that do not parse instead of guessing', () => {
    const state = decodeViewState(
      'cat=battles,not-a-category&sub=nope&country=Syria&from=2016-02-30&to=yesterday&fmin=-3&fmax=1.5&measure=bars&map=99/0/0&unknown=maybe',
    );
    expect(state.filter).toEqual({ ...emptyFilter, categories: ['battles'], subTypes: [] });
    expect(state.measure).toBe('events');
    expect(state.map).toBeUndefined();
  });

  it('accepts the tokens for international and unknown countries', () => {
    expect(decodeViewState('country=none').filter.country).toBe('none');
    expect(decodeViewState('country=unknown').filter.country).toBe('unknown');
  });
});
