/**
 * Closed vocabularies of the model that are not event types: actor kinds, source kinds,
 * date and location precision. Crosswalks from source codes live in `../crosswalks/`.
 */

/** ACLED's actor types (its `inter` codes 1–8) plus `unidentified` for an unknown party. */
export const actorKinds = [
  'state-forces',
  'rebel-group',
  'political-militia',
  'identity-militia',
  'rioters',
  'protesters',
  'civilians',
  'external-forces',
  'unidentified',
] as const;
export type ActorKind = (typeof actorKinds)[number];

export const actorSides = ['a', 'b'] as const;
export type ActorSide = (typeof actorSides)[number];

export const actorRoles = ['primary', 'associated'] as const;
export type ActorRole = (typeof actorRoles)[number];

export const sourceKinds = [
  'news-agency',
  'news-media',
  'government',
  'military',
  'armed-group',
  'ngo-monitor',
  'social-media',
  'local-partner',
  'individual',
  'other',
] as const;
export type SourceKind = (typeof sourceKinds)[number];

/**
 * How exactly the dates are known.
 * - `day`: start and end are the days it happened (end > start: it went on over those days).
 * - `range`: it happened on some day between start and end, within less than a week.
 * - `week`, `month`, `year`: only that week / month / year (or a span that long) is known;
 *   start and end bound it.
 */
export const datePrecisions = ['day', 'range', 'week', 'month', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/**
 * How exactly the place is known, coarse to fine. The point, when present, stands for:
 * - `place`: the exact site or the named town/village where it happened;
 * - `near`: somewhere near a known place (within about 25 km) or in a small part of a region;
 * - `admin2` / `admin1`: only the second / first-order administrative unit is known;
 * - `region`: only a larger region is named (an administrative area or a natural region);
 * - `area`: a linear feature or an ill-defined area (a road, a river, "along the border");
 * - `country`: only the country is known;
 * - `international`: international waters or airspace;
 * - `unknown`: the source gives no usable location.
 */
export const locationPrecisions = [
  'place',
  'near',
  'admin2',
  'admin1',
  'region',
  'area',
  'country',
  'international',
  'unknown',
] as const;
export type LocationPrecision = (typeof locationPrecisions)[number];

/** Source precision codes kept verbatim next to the core precision, so imports lose nothing. */
export const datePrecisionSchemes = ['acled-time-precision', 'ucdp-date-prec'] as const;
export type DatePrecisionScheme = (typeof datePrecisionSchemes)[number];

export const locationPrecisionSchemes = [
  'acled-geo-precision',
  'ucdp-where-prec',
  'gdelt-geo-type',
] as const;
export type LocationPrecisionScheme = (typeof locationPrecisionSchemes)[number];

/** PLOVER's 16 event categories; DEMAND is the pre-2023 name of REQUEST, kept for old files. */
export const ploverCategories = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'DEMAND',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export type PloverCategory = (typeof ploverCategories)[number];

export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];
