// Words for the model's closed vocabularies, as a reader would say them: one set for every
// place that prints them (the KML balloon, the explorer's panels). Typed as full records, so
// a value added to a vocabulary fails the typecheck until it has its words.
import type {
  ActorKind,
  ActorRole,
  DatePrecision,
  LocationPrecision,
  SourceKind,
} from './vocabularies.ts';

export const actorKindLabels: Record<ActorKind, string> = {
  'state-forces': 'state forces',
  'rebel-group': 'rebel group',
  'political-militia': 'political militia',
  'identity-militia': 'identity militia',
  rioters: 'rioters',
  protesters: 'protesters',
  civilians: 'civilians',
  'external-forces': 'external forces',
  unidentified: 'unidentified',
};

export const actorRoleLabels: Record<ActorRole, string> = {
  primary: 'primary',
  associated: 'associated',
};

export const sourceKindLabels: Record<SourceKind, string> = {
  'news-agency': 'news agency',
  'news-media': 'news media',
  government: 'government',
  military: 'military',
  'armed-group': 'armed group',
  'ngo-monitor': 'NGO or monitor',
  'social-media': 'social media',
  'local-partner': 'local partner',
  individual: 'individual',
  other: 'other',
};

export const datePrecisionLabels: Record<DatePrecision, string> = {
  day: 'known to the day',
  range: 'some day in this range',
  week: 'only the week is known',
  month: 'only the month is known',
  year: 'only the year is known',
};

export const locationPrecisionLabels: Record<LocationPrecision, string> = {
  place: 'at the place: an exact spot or named town',
  near: 'near a known place (about 25 km)',
  admin2: 'only the district (admin 2) is known',
  admin1: 'only the province (admin 1) is known',
  region: 'only a larger region is known',
  area: 'along a line or in an ill-defined area (a road, a border)',
  country: 'only the country is known',
  international: 'in international waters or airspace',
  unknown: 'no usable location',
};
