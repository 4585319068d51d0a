// Words for the model's codes, as the panels and filters print them. Category and sub-type
// labels are ACLED's, from the schema's taxonomy tables.
import {
  categoryTable,
  type EventCategory,
  type EventSubType,
  subTypeTable,
} from '@conflict-events/schema';

// The words for the other vocabularies are the schema's, shared with the KML balloon.
export {
  actorKindLabels,
  datePrecisionLabels,
  locationPrecisionLabels,
  sourceKindLabels,
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
