import type { Citation } from './citations.ts';

/**
 * The core taxonomy: ACLED's six event types and 25 sub-event types, the de facto standard
 * for coding political violence and demonstrations, under stable slugs.
 */
const acledEventTypes: Citation = {
  codebook: 'acled2023',
  section: 'Event types and sub-event types',
};

export const disorderTypes = [
  'political-violence',
  'demonstrations',
  'strategic-developments',
] as const;
export type DisorderType = (typeof disorderTypes)[number];

export const disorderTypeLabels: Record<DisorderType, string> = {
  'political-violence': 'Political violence',
  demonstrations: 'Demonstrations',
  'strategic-developments': 'Strategic developments',
};

export const eventCategories = [
  'battles',
  'explosions-remote-violence',
  'violence-against-civilians',
  'protests',
  'riots',
  'strategic-developments',
] as const;
export type EventCategory = (typeof eventCategories)[number];

export const eventSubTypes = [
  'armed-clash',
  'government-regains-territory',
  'non-state-actor-overtakes-territory',
  'chemical-weapon',
  'air-drone-strike',
  'suicide-bomb',
  'shelling-artillery-missile-attack',
  'remote-explosive-landmine-ied',
  'grenade',
  'sexual-violence',
  'attack',
  'abduction-forced-disappearance',
  'peaceful-protest',
  'protest-with-intervention',
  'excessive-force-against-protesters',
  'violent-demonstration',
  'mob-violence',
  'agreement',
  'arrests',
  'change-to-group-activity',
  'disrupted-weapons-use',
  'headquarters-or-base-established',
  'looting-property-destruction',
  'non-violent-transfer-of-territory',
  'other',
] as const;
export type EventSubType = (typeof eventSubTypes)[number];

export interface CategoryEntry {
  slug: EventCategory;
  /** The label ACLED prints in `event_type`. */
  label: string;
  cite: Citation;
}

export interface SubTypeEntry {
  slug: EventSubType;
  category: EventCategory;
  /** The label ACLED prints in `sub_event_type`. */
  label: string;
  /** The `disorder_type` ACLED gives events of this sub-type (two for some). */
  disorder: readonly DisorderType[];
  cite: Citation;
}

export const categoryTable: readonly CategoryEntry[] = [
  { slug: 'battles', label: 'Battles', cite: acledEventTypes },
  {
    slug: 'explosions-remote-violence',
    label: 'Explosions/Remote violence',
    cite: acledEventTypes,
  },
  {
    slug: 'violence-against-civilians',
    label: 'Violence against civilians',
    cite: acledEventTypes,
  },
  { slug: 'protests', label: 'Protests', cite: acledEventTypes },
  { slug: 'riots', label: 'Riots', cite: acledEventTypes },
  { slug: 'strategic-developments', label: 'Strategic developments', cite: acledEventTypes },
];

const violence = ['political-violence'] as const;
const demonstrations = ['demonstrations'] as const;
const strategic = ['strategic-developments'] as const;
const violentDemonstrations = ['political-violence', 'demonstrations'] as const;

function subType(
  slug: EventSubType,
  category: EventCategory,
  label: string,
  disorder: readonly DisorderType[],
): SubTypeEntry {
  return { slug, category, label, disorder, cite: acledEventTypes };
}

export const subTypeTable: readonly SubTypeEntry[] = [
  subType('armed-clash', 'battles', 'Armed clash', violence),
  subType('government-regains-territory', 'battles', 'Government regains territory', violence),
  subType(
    'non-state-actor-overtakes-territory',
    'battles',
    'Non-state actor overtakes territory',
    violence,
  ),
  subType('chemical-weapon', 'explosions-remote-violence', 'Chemical weapon', violence),
  subType('air-drone-strike', 'explosions-remote-violence', 'Air/drone strike', violence),
  subType('suicide-bomb', 'explosions-remote-violence', 'Suicide bomb', violence),
  subType(
    'shelling-artillery-missile-attack',
    'explosions-remote-violence',
    'Shelling/artillery/missile attack',
    violence,
  ),
  subType(
    'remote-explosive-landmine-ied',
    'explosions-remote-violence',
    'Remote explosive/landmine/IED',
    violence,
  ),
  subType('grenade', 'explosions-remote-violence', 'Grenade', violence),
  subType('sexual-violence', 'violence-against-civilians', 'Sexual violence', violence),
  subType('attack', 'violence-against-civilians', 'Attack', violence),
  subType(
    'abduction-forced-disappearance',
    'violence-against-civilians',
    'Abduction/forced disappearance',
    violence,
  ),
  subType('peaceful-protest', 'protests', 'Peaceful protest', demonstrations),
  subType('protest-with-intervention', 'protests', 'Protest with intervention', demonstrations),
  subType(
    'excessive-force-against-protesters',
    'protests',
    'Excessive force against protesters',
    violentDemonstrations,
  ),
  subType('violent-demonstration', 'riots', 'Violent demonstration', demonstrations),
  subType('mob-violence', 'riots', 'Mob violence', violentDemonstrations),
  subType('agreement', 'strategic-developments', 'Agreement', strategic),
  subType('arrests', 'strategic-developments', 'Arrests', strategic),
  subType(
    'change-to-group-activity',
    'strategic-developments',
    'Change to group/activity',
    strategic,
  ),
  subType('disrupted-weapons-use', 'strategic-developments', 'Disrupted weapons use', strategic),
  subType(
    'headquarters-or-base-established',
    'strategic-developments',
    'Headquarters or base established',
    strategic,
  ),
  subType(
    'looting-property-destruction',
    'strategic-developments',
    'Looting/property destruction',
    strategic,
  ),
  subType(
    'non-violent-transfer-of-territory',
    'strategic-developments',
    'Non-violent transfer of territory',
    strategic,
  ),
  subType('other', 'strategic-developments', 'Other', strategic),
];

const subTypeBySlug = new Map(subTypeTable.map((entry) => [entry.slug, entry]));
const categoryBySlug = new Map(categoryTable.map((entry) => [entry.slug, entry]));

export function getCategory(slug: EventCategory): CategoryEntry {
  return categoryBySlug.get(slug) as CategoryEntry;
}

export function getSubType(slug: EventSubType): SubTypeEntry {
  return subTypeBySlug.get(slug) as SubTypeEntry;
}

export function subTypesOf(category: EventCategory): readonly SubTypeEntry[] {
  return subTypeTable.filter((entry) => entry.category === category);
}
