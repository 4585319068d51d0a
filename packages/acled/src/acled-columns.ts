// The published ACLED layouts, column by column, in the order each prints them.

/** The layouts the reader recognises; the value goes to provenance.layout. */
export type AcledLayout =
  | 'acled-2023'
  | 'acled-2019'
  | 'acled-2016-api'
  | 'acled-legacy'
  | 'acled-api-json';

/** ACLED Codebook 2023: exports and the API since 2023, 31 columns. */
export const acled2023Columns = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

/** ACLED Codebook 2019: exports of 2019–2022. */
export const acled2019Columns = [
  'data_id',
  'iso',
  'event_id_cnty',
  'event_id_no_cnty',
  'event_date',
  'year',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'timestamp',
  'iso3',
] as const;

/** The ACLED API of 2016 (lower-case labels, Gleditsch–Ward `gwno`, pre-2019 event types). */
export const acled2016ApiColumns = [
  'data_id',
  'gwno',
  'event_id_cnty',
  'event_id_no_cnty',
  'event_date',
  'year',
  'time_precision',
  'event_type',
  'actor1',
  'ally_actor_1',
  'inter1',
  'actor2',
  'ally_actor_2',
  'inter2',
  'interaction',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'notes',
  'fatalities',
] as const;

/** The country files up to 2016: the 2016 API columns upper-case, without `data_id`. */
export const acledLegacyColumns = acled2016ApiColumns
  .filter((column) => column !== 'data_id')
  .map((column) => column.toUpperCase());

/** Every column name any layout uses (lower case). */
export type AcledColumn =
  | (typeof acled2023Columns)[number]
  | (typeof acled2019Columns)[number]
  | (typeof acled2016ApiColumns)[number];

const knownColumns = new Set<string>([
  ...acled2023Columns,
  ...acled2019Columns,
  ...acled2016ApiColumns,
]);

/** The column a header label names (any case, surrounding space ignored), if ACLED has it. */
export function acledColumnOf(label: string): AcledColumn | undefined {
  const name = label.trim().toLowerCase();
  return knownColumns.has(name) ? (name as AcledColumn) : undefined;
}

/**
 * The layout a set of header labels belongs to. Columns are read by name, so the layout only
 * says where the record came from (and which date forms and event types to expect).
 */
export function layoutOfColumns(
  columns: ReadonlySet<AcledColumn>,
  upperCase: boolean,
): Exclude<AcledLayout, 'acled-api-json'> {
  if (columns.has('disorder_type') || columns.has('civilian_targeting') || columns.has('tags'))
    return 'acled-2023';
  if (columns.has('sub_event_type') || columns.has('iso3') || columns.has('source_scale'))
    return 'acled-2019';
  return upperCase ? 'acled-legacy' : 'acled-2016-api';
}
