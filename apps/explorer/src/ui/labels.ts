// Words for the model's codes, as the panels and filters print them. Category and sub-type
// labels are ACLED's, from the schema's taxonomy tables.
import {
  type ActorKind,
  categoryTable,
  type DatePrecision,
  type EventCategory,
  type EventSubType,
  type LocationPrecision,
  type SourceKind,
  subTypeTable,
} from '@conflict-events/schema';

const categoryLabels = new Map<string, string>(
  categoryTable.map((entry) => [entry.slug, entry.label]),
);
const subTypeLabels = new Map<string, string>(
  subTypeTable.map((entry) => [entry.slug, entry.label]),
);

export function categoryLabel(slug: EventCategory | undefined): string {
  return slug === undefined ? 'No category' : (categoryLabels.get(slug) ?? slug);
}

export function subTypeLabel(slug: EventSubType | undefined): string {
  return slug === undefined ? 'No sub-type' : (subTypeLabels.get(slug) ?? slug);
}

export const datePrecisionLabels: Record<DatePrecision, string> = {
  day: 'to the day',
  range: 'some day in this range',
  week: 'only the week is known',
  month: 'only the month is known',
  year: 'only the year is known',
};

export const locationPrecisionLabels: Record<LocationPrecision, string> = {
  place: 'exact place or named town',
  near: 'near a known place (about 25 km)',
  admin2: 'only the district (admin 2) is known',
  admin1: 'only the province (admin 1) is known',
  region: 'only a larger region is known',
  area: 'a line or ill-defined area (a road, a border)',
  country: 'only the country is known',
  international: 'international waters or airspace',
  unknown: 'no usable location',
};

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
