// The view state in the URL's fragment, so a view can be shared and survives a reload. The
// fragment is never sent to a server: an actor search stays in the browser like the data.
import { eventCategories, eventSubTypes } from '@conflict-events/schema';
import { dayFromIso } from '../data/days.ts';
import {
  emptyFilter,
  type FilterState,
  type MapView,
  noCategoryToken,
  type ViewState,
} from './filter-state.ts';

const categoryTokens = new Set<string>([...eventCategories, noCategoryToken]);
const subTypeTokens = new Set<string>([...eventSubTypes, noCategoryToken]);
const countryPattern = /^([A-Z]{3}|none|unknown)$/;
const wholeNumberPattern = /^\d{1,9}$/;

function list(values: readonly string[]): string {
  return values.join(',');
}

function parseList(text: string, allowed: ReadonlySet<string>): string[] {
  if (text === '') return [];
  return [...new Set(text.split(',').filter((token) => allowed.has(token)))];
}

function parseWhole(text: string | null): number | undefined {
  return text !== null && wholeNumberPattern.test(text) ? Number(text) : undefined;
}

function parseDate(text: string | null): string | undefined {
  return text !== null && dayFromIso(text) !== undefined ? text : undefined;
}

function formatView(view: MapView): string {
  return `${view.zoom.toFixed(2)}/${view.lat.toFixed(4)}/${view.lon.toFixed(4)}`;
}

function parseView(text: string | null): MapView | undefined {
  if (text === null) return undefined;
  const parts = text.split('/').map(Number);
  const [zoom, lat, lon] = parts;
  if (parts.length !== 3 || zoom === undefined || lat === undefined || lon === undefined) {
    return undefined;
  }
  if (!(zoom >= 0 && zoom <= 24 && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
    return undefined;
  }
  return { zoom, lat, lon };
}

/** The fragment (without `#`) for a state; the default state is the empty string. */
export function encodeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  const filter = state.filter;
  if (filter.categories !== undefined) params.set('cat', list(filter.categories));
  if (filter.subTypes !== undefined) params.set('sub', list(filter.subTypes));
  if (filter.country !== undefined) params.set('country', filter.country);
  if (filter.actor.trim() !== '') params.set('actor', filter.actor.trim());
  if (filter.from !== undefined) params.set('from', filter.from);
  if (filter.to !== undefined) params.set('to', filter.to);
  if (filter.fatalitiesMin !== undefined) params.set('fmin', String(filter.fatalitiesMin));
  if (filter.fatalitiesMax !== undefined) params.set('fmax', String(filter.fatalitiesMax));
  if (!filter.includeUnknownFatalities) params.set('unknown', 'hide');
  if (state.measure !== 'events') params.set('measure', state.measure);
  if (state.selected !== undefined) params.set('event', state.selected);
  if (state.map !== undefined) params.set('map', formatView(state.map));
  return params.toString();
}

/**
 * The state a fragment describes. Values that do not parse (a misspelt category, a date
 * that does not exist) are left out rather than guessed, so a hand-edited link degrades
 * to a wider view, never to a wrong one.
 */
export function decodeViewState(fragment: string): ViewState {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const filter: FilterState = { ...emptyFilter };
  const categories = params.get('cat');
  if (categories !== null) filter.categories = parseList(categories, categoryTokens);
  const subTypes = params.get('sub');
  if (subTypes !== null) filter.subTypes = parseList(subTypes, subTypeTokens);
  const country = params.get('country');
  if (country !== null && countryPattern.test(country)) filter.country = country;
  filter.actor = params.get('actor')?.trim() ?? '';
  const from = parseDate(params.get('from'));
  if (from !== undefined) filter.from = from;
  const to = parseDate(params.get('to'));
  if (to !== undefined) filter.to = to;
  const fatalitiesMin = parseWhole(params.get('fmin'));
  if (fatalitiesMin !== undefined) filter.fatalitiesMin = fatalitiesMin;
  const fatalitiesMax = parseWhole(params.get('fmax'));
  if (fatalitiesMax !== undefined) filter.fatalitiesMax = fatalitiesMax;
  filter.includeUnknownFatalities = params.get('unknown') !== 'hide';

  const state: ViewState = {
    filter,
    measure: params.get('measure') === 'fatalities' ? 'fatalities' : 'events',
  };
  const selected = params.get('event');
  if (selected !== null && selected !== '') state.selected = selected;
  const map = parseView(params.get('map'));
  if (map !== undefined) state.map = map;
  return state;
}
