// What the user has chosen to see: the filters, the timeline's measure, the selected event
// and the map view. One plain object, so that the URL codec and the filter logic can be
// tested without a page.

/** URL and filter token for events without a core category or sub-type. */
export const noCategoryToken = 'none';
/** URL and filter token for events whose file gives no country (`none` means international). */
export const noCountryToken = 'unknown';

export interface FilterState {
  /** Categories shown (slugs, or `none`); absent: all. */
  categories?: readonly string[];
  /** Sub-types shown (slugs, or `none`); absent: all. */
  subTypes?: readonly string[];
  /** Country code shown (as in the file, `none`, or `unknown`); absent: all. */
  country?: string;
  /** Part of an actor's name, matched case-insensitively; empty: any. */
  actor: string;
  /** First and last day (YYYY-MM-DD); an event passes when its date range overlaps. */
  from?: string;
  to?: string;
  /** Bounds on the best fatality estimate, inclusive. */
  fatalitiesMin?: number;
  fatalitiesMax?: number;
  /** Show events whose toll is unknown. Unknown is not zero, so no bound can decide it. */
  includeUnknownFatalities: boolean;
}

export type TimelineMeasure = 'events' | 'fatalities';

export interface MapView {
  zoom: number;
  lat: number;
  lon: number;
}

export interface ViewState {
  filter: FilterState;
  measure: TimelineMeasure;
  /** Id of the event shown in the panel. */
  selected?: string;
  map?: MapView;
}

export const emptyFilter: FilterState = Object.freeze({
  actor: '',
  includeUnknownFatalities: true,
});

export const initialViewState: ViewState = Object.freeze({
  filter: emptyFilter,
  measure: 'events',
});
