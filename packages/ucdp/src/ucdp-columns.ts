// The column orders of the published GED layouts (UCDP GED Codebook 23.1, "Variables";
// GED Codebook 19.1 for the older order). Files with a header are read by name, so these
// orders matter only for headerless files.

/** GED 20.1 and later: 49 columns. */
export const ged49Columns = [
  'id',
  'relid',
  'year',
  'active_year',
  'code_status',
  'type_of_violence',
  'conflict_dset_id',
  'conflict_new_id',
  'conflict_name',
  'dyad_dset_id',
  'dyad_new_id',
  'dyad_name',
  'side_a_dset_id',
  'side_a_new_id',
  'side_a',
  'side_b_dset_id',
  'side_b_new_id',
  'side_b',
  'number_of_sources',
  'source_article',
  'source_office',
  'source_date',
  'source_headline',
  'source_original',
  'where_prec',
  'where_coordinates',
  'where_description',
  'adm_1',
  'adm_2',
  'latitude',
  'longitude',
  'geom_wkt',
  'priogrid_gid',
  'country',
  'country_id',
  'region',
  'event_clarity',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
  'high',
  'low',
  'gwnoa',
  'gwnob',
] as const;

/** GED 19.1: 42 columns, without relid, code_status, the *_dset_id columns and where_description. */
export const ged42Columns = [
  'id',
  'year',
  'active_year',
  'type_of_violence',
  'conflict_new_id',
  'conflict_name',
  'dyad_new_id',
  'dyad_name',
  'side_a_new_id',
  'gwnoa',
  'side_a',
  'side_b_new_id',
  'gwnob',
  'side_b',
  'number_of_sources',
  'source_article',
  'source_office',
  'source_date',
  'source_headline',
  'source_original',
  'where_prec',
  'where_coordinates',
  'adm_1',
  'adm_2',
  'latitude',
  'longitude',
  'geom_wkt',
  'priogrid_gid',
  'country',
  'country_id',
  'region',
  'event_clarity',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'low',
  'best',
  'high',
] as const;

/** The HDX country files add the ISO code of the country to the 49 columns. */
export const hdxExtraColumn = 'iso3';

export type GedColumn = (typeof ged49Columns)[number] | typeof hdxExtraColumn;

const knownColumns = new Set<string>([...ged49Columns, hdxExtraColumn]);

/**
 * Older releases (up to 18.1) named the estimates best_est, high_est, low_est. A Map, so
 * that labels such as "constructor" find nothing.
 */
const aliases: ReadonlyMap<string, GedColumn> = new Map([
  ['best_est', 'best'],
  ['high_est', 'high'],
  ['low_est', 'low'],
]);

/** The GED column a header label stands for (case-insensitive), if any. */
export function gedColumnOf(label: string): GedColumn | undefined {
  const name = label.trim().toLowerCase();
  if (knownColumns.has(name)) return name as GedColumn;
  return aliases.get(name);
}

/** Columns every record needs to become an event. */
export const requiredColumns = [
  'id',
  'type_of_violence',
  'where_prec',
  'date_prec',
  'date_start',
  'date_end',
] as const satisfies readonly GedColumn[];

export type GedLayout = 'ucdp-ged-49' | 'ucdp-ged-42' | 'ucdp-ged-hdx' | 'ucdp-ged-api';
