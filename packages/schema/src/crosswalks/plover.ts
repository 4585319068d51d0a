import type { Citation } from '../taxonomy/citations.ts';
import type { PloverCategory } from '../taxonomy/vocabularies.ts';
import { type CategoryCrosswalkRow, crosswalkRow } from './category-crosswalk.ts';

const cite: Citation = { codebook: 'plover', section: 'event categories and modes' };

/** PLOVER categories that are conflict events; the rest (AGREE … THREATEN, SANCTION) have none. */
export const ploverCategoryRows: readonly CategoryCrosswalkRow<PloverCategory>[] = [
  crosswalkRow('AGREE', 'Agree', {}, cite),
  crosswalkRow('CONSULT', 'Consult', {}, cite),
  crosswalkRow('SUPPORT', 'Support', {}, cite),
  crosswalkRow('CONCEDE', 'Concede', {}, cite),
  crosswalkRow('COOPERATE', 'Cooperate', {}, cite),
  crosswalkRow('AID', 'Aid', {}, cite),
  crosswalkRow(
    'RETREAT',
    'Retreat',
    {
      category: 'strategic-developments',
      note: 'Withdrawals, releases and ceasefires; only when they concern armed actors.',
    },
    cite,
  ),
  crosswalkRow('REQUEST', 'Request', {}, cite),
  crosswalkRow('DEMAND', 'Demand (pre-2023 name of REQUEST)', {}, cite),
  crosswalkRow('ACCUSE', 'Accuse', {}, cite),
  crosswalkRow('REJECT', 'Reject', {}, cite),
  crosswalkRow('THREATEN', 'Threaten', {}, cite),
  crosswalkRow(
    'PROTEST',
    'Protest',
    {
      candidates: ['protests', 'riots'],
      note: 'Mode `riot` is a riot; `demo`, strikes, boycotts and obstruction are protests.',
    },
    cite,
  ),
  crosswalkRow('SANCTION', 'Sanction', {}, cite),
  crosswalkRow(
    'MOBILIZE',
    'Mobilize',
    {
      category: 'strategic-developments',
      subType: 'change-to-group-activity',
      note: 'Troop, weapon or police mobilisation.',
    },
    cite,
  ),
  crosswalkRow(
    'COERCE',
    'Coerce',
    {
      category: 'strategic-developments',
      note: 'Mode `arrest` is arrests; `confiscate` is looting/property destruction.',
    },
    cite,
  ),
  crosswalkRow(
    'ASSAULT',
    'Assault',
    {
      candidates: ['battles', 'explosions-remote-violence', 'violence-against-civilians'],
      note: 'Modes narrow it: `explosives` and `heavy-weapons` are remote violence, `abduct` and `sexual` violence against civilians.',
    },
    cite,
  ),
];

/** PLOVER modes that decide the core category or sub-type on their own. */
export const ploverModeRows: readonly (CategoryCrosswalkRow<string> & {
  ploverCategory: PloverCategory;
})[] = [
  {
    ...crosswalkRow(
      'riot',
      'PROTEST: riot',
      { category: 'riots', subType: 'violent-demonstration' },
      cite,
    ),
    ploverCategory: 'PROTEST',
  },
  {
    ...crosswalkRow(
      'demo',
      'PROTEST: demonstration',
      { category: 'protests', subType: 'peaceful-protest' },
      cite,
    ),
    ploverCategory: 'PROTEST',
  },
  {
    ...crosswalkRow(
      'arrest',
      'COERCE: arrest',
      { category: 'strategic-developments', subType: 'arrests' },
      cite,
    ),
    ploverCategory: 'COERCE',
  },
  {
    ...crosswalkRow(
      'confiscate',
      'COERCE: confiscate',
      { category: 'strategic-developments', subType: 'looting-property-destruction' },
      cite,
    ),
    ploverCategory: 'COERCE',
  },
  {
    ...crosswalkRow(
      'abduct',
      'ASSAULT: abduct',
      { category: 'violence-against-civilians', subType: 'abduction-forced-disappearance' },
      cite,
    ),
    ploverCategory: 'ASSAULT',
  },
  {
    ...crosswalkRow(
      'sexual',
      'ASSAULT: sexual',
      { category: 'violence-against-civilians', subType: 'sexual-violence' },
      cite,
    ),
    ploverCategory: 'ASSAULT',
  },
  {
    ...crosswalkRow(
      'suicide-attack',
      'ASSAULT: suicide attack',
      { category: 'explosions-remote-violence', subType: 'suicide-bomb' },
      cite,
    ),
    ploverCategory: 'ASSAULT',
  },
  {
    ...crosswalkRow(
      'explosives',
      'ASSAULT: explosives',
      { category: 'explosions-remote-violence', subType: 'remote-explosive-landmine-ied' },
      cite,
    ),
    ploverCategory: 'ASSAULT',
  },
  {
    ...crosswalkRow(
      'heavy-weapons',
      'ASSAULT: heavy weapons',
      { category: 'explosions-remote-violence', subType: 'shelling-artillery-missile-attack' },
      cite,
    ),
    ploverCategory: 'ASSAULT',
  },
  {
    ...crosswalkRow(
      'firearms',
      'ASSAULT: firearms',
      {
        candidates: ['battles', 'violence-against-civilians'],
        note: 'The target decides: an armed actor or civilians.',
      },
      cite,
    ),
    ploverCategory: 'ASSAULT',
  },
];

const categoryRows = new Map(ploverCategoryRows.map((row) => [row.code, row]));

/**
 * Maps a PLOVER category and its modes: a mode that decides the core category wins, then a
 * mode that narrows the candidates, then the category itself.
 */
export function mapPloverCoding(
  category: PloverCategory,
  modes: readonly string[] = [],
): CategoryCrosswalkRow<string> | undefined {
  const matched = ploverModeRows.filter(
    (entry) => entry.ploverCategory === category && modes.includes(entry.code),
  );
  return (
    matched.find((row) => row.category !== undefined) ?? matched[0] ?? categoryRows.get(category)
  );
}
