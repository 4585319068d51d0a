// Words for the model's closed vocabularies as a reader of the balloon would say them.
// Typed as full records, so a value added to a vocabulary fails the typecheck until it has one.
import type {
  ActorKind,
  ActorRole,
  DatePrecision,
  LocationPrecision,
  SourceKind,
} from '@conflict-events/schema';

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
  range: 'on one day in this range',
  week: 'known to the week',
  month: 'known to the month',
  year: 'known to the year',
};

export const locationPrecisionLabels: Record<LocationPrecision, string> = {
  place: 'at the place',
  near: 'near the place',
  admin2: 'within the second-order administrative unit',
  admin1: 'within the first-order administrative unit',
  region: 'within a larger region',
  area: 'along a line or in an ill-defined area',
  country: 'somewhere in the country',
  international: 'in international waters or airspace',
  unknown: 'location unknown',
};
