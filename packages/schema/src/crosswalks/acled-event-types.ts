import type { Citation } from '../taxonomy/citations.ts';
import { categoryTable, subTypeTable } from '../taxonomy/event-categories.ts';
import { type CategoryCrosswalkRow, crosswalkRow } from './category-crosswalk.ts';

const legacy: Citation = { codebook: 'acled2017', section: 'Event types (pre-2019 typology)' };
const transition: Citation = {
  codebook: 'acled2019',
  section: 'Event types and sub-event types; changes from the previous event typology',
};

/**
 * ACLED's event types before the 2019 revision. Each row says where events of that type fall
 * in today's typology; most old types split into several sub-types, so the sub-type (and for
 * `Riots/Protests` even the category) has to be decided per event from the notes.
 */
export const acledLegacyEventTypes: readonly CategoryCrosswalkRow<string>[] = [
  crosswalkRow(
    'Battle-No change of territory',
    'Battle-No change of territory',
    { category: 'battles', subType: 'armed-clash' },
    transition,
  ),
  crosswalkRow(
    'Battle-Government regains territory',
    'Battle-Government regains territory',
    { category: 'battles', subType: 'government-regains-territory' },
    transition,
  ),
  crosswalkRow(
    'Battle-Non-state actor overtakes territory',
    'Battle-Non-state actor overtakes territory',
    { category: 'battles', subType: 'non-state-actor-overtakes-territory' },
    transition,
  ),
  crosswalkRow(
    'Remote violence',
    'Remote violence',
    {
      category: 'explosions-remote-violence',
      note: 'Split into air/drone strikes, shelling, remote explosives, suicide bombs, grenades and chemical weapons.',
    },
    transition,
  ),
  crosswalkRow(
    'Riots/Protests',
    'Riots/Protests',
    {
      candidates: ['protests', 'riots'],
      note: 'Split into Protests and Riots: peaceful or violent demonstrators decide the category.',
    },
    transition,
  ),
  crosswalkRow(
    'Violence against civilians',
    'Violence against civilians',
    {
      category: 'violence-against-civilians',
      note: 'Split into attacks, sexual violence and abductions/forced disappearances.',
    },
    transition,
  ),
  crosswalkRow(
    'Strategic development',
    'Strategic development',
    {
      category: 'strategic-developments',
      note: 'Split into agreements, arrests, changes to group activity, disrupted weapons use, looting and other.',
    },
    legacy,
  ),
  crosswalkRow(
    'Headquarters or base established',
    'Headquarters or base established',
    { category: 'strategic-developments', subType: 'headquarters-or-base-established' },
    transition,
  ),
  crosswalkRow(
    'Non-violent transfer of territory',
    'Non-violent transfer of territory',
    { category: 'strategic-developments', subType: 'non-violent-transfer-of-territory' },
    transition,
  ),
];

// Case, spacing and the spelling "protestors" vary between ACLED files of different years.
function normalise(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().replace('protestors', 'protesters');
}

const categoryByLabel = new Map(categoryTable.map((entry) => [normalise(entry.label), entry.slug]));
const subTypeByLabel = new Map(subTypeTable.map((entry) => [normalise(entry.label), entry]));
const legacyByLabel = new Map(acledLegacyEventTypes.map((row) => [normalise(row.label), row]));

/**
 * Maps ACLED's `event_type` and `sub_event_type` (current or pre-2019 labels, any case) to
 * the core taxonomy. Returns undefined for a label ACLED never used.
 */
export function mapAcledEventType(
  eventType: string,
  subEventType?: string,
): CategoryCrosswalkRow<string> | undefined {
  // Files repeat a few dozen label pairs millions of times: answers are remembered (shared
  // rows, as the legacy table's are), in a cache emptied when full so odd input stays bounded.
  let bySubType = remembered.get(eventType);
  if (bySubType === undefined) {
    if (remembered.size >= rememberedLimit) remembered.clear();
    bySubType = new Map();
    remembered.set(eventType, bySubType);
  }
  const known = bySubType.get(subEventType);
  if (known !== undefined) return known ?? undefined;
  const row = lookUpAcledEventType(eventType, subEventType);
  if (bySubType.size < rememberedLimit) bySubType.set(subEventType, row ?? null);
  return row;
}

const rememberedLimit = 1024;
const remembered = new Map<string, Map<string | undefined, CategoryCrosswalkRow<string> | null>>();

function lookUpAcledEventType(
  eventType: string,
  subEventType: string | undefined,
): CategoryCrosswalkRow<string> | undefined {
  const category = categoryByLabel.get(normalise(eventType));
  if (category) {
    const subType = subEventType ? subTypeByLabel.get(normalise(subEventType)) : undefined;
    if (subEventType && (!subType || subType.category !== category)) return undefined;
    return crosswalkRow(
      eventType,
      subEventType ? `${eventType}: ${subEventType}` : eventType,
      subType ? { category, subType: subType.slug } : { category },
      subType?.cite ?? { codebook: 'acled2023', section: 'Event types and sub-event types' },
    );
  }
  return legacyByLabel.get(normalise(eventType));
}
