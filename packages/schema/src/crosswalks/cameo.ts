import type { Citation } from '../taxonomy/citations.ts';
import type { EventCategory } from '../taxonomy/event-categories.ts';
import { type CategoryCrosswalkRow, crosswalkRow } from './category-crosswalk.ts';

const rootCite: Citation = {
  codebook: 'cameo',
  section: 'chapter 6, CAMEO event codes (two-digit cue categories)',
};
const codeCite: Citation = { codebook: 'cameo', section: 'chapter 6, CAMEO event codes' };

export type QuadClass = 1 | 2 | 3 | 4;

export const quadClassLabels: Record<QuadClass, string> = {
  1: 'Verbal cooperation',
  2: 'Material cooperation',
  3: 'Verbal conflict',
  4: 'Material conflict',
};

export interface CameoRootRow extends CategoryCrosswalkRow<string> {
  /** GDELT's QuadClass for every event code under this root (GDELT 2.0 codebook, QuadClass). */
  quadClass: QuadClass;
}

function root(
  code: string,
  label: string,
  quadClass: QuadClass,
  target: Parameters<typeof crosswalkRow>[2] = {},
): CameoRootRow {
  return { ...crosswalkRow(code, label, target, rootCite), quadClass };
}

const armed: readonly EventCategory[] = ['battles', 'explosions-remote-violence'];
const violent: readonly EventCategory[] = [
  'violence-against-civilians',
  'explosions-remote-violence',
  'battles',
];

/** The 20 CAMEO root codes. Roots 01–13, 15 and 16 are not conflict events in the core taxonomy. */
export const cameoRootCodes: readonly CameoRootRow[] = [
  root('01', 'Make public statement', 1),
  root('02', 'Appeal', 1),
  root('03', 'Express intent to cooperate', 1),
  root('04', 'Consult', 1),
  root('05', 'Engage in diplomatic cooperation', 2),
  root('06', 'Engage in material cooperation', 2),
  root('07', 'Provide aid', 2),
  root('08', 'Yield', 2),
  root('09', 'Investigate', 3),
  root('10', 'Demand', 3),
  root('11', 'Disapprove', 3),
  root('12', 'Reject', 3),
  root('13', 'Threaten', 3),
  root('14', 'Protest', 4, {
    candidates: ['protests', 'riots'],
    note: 'Demonstrations; 145 (protest violently, riot) is a riot.',
  }),
  root('15', 'Exhibit force posture', 4),
  root('16', 'Reduce relations', 4),
  root('17', 'Coerce', 4, {
    category: 'strategic-developments',
    note: 'Arrests, property seizure and repression; 175 (violent repression) may be violence against civilians.',
  }),
  root('18', 'Assault', 4, {
    candidates: violent,
    note: 'Unconventional violence: abductions, assaults, bombings, assassinations.',
  }),
  root('19', 'Fight', 4, {
    candidates: armed,
    note: 'Conventional military force: clashes, artillery, air strikes, occupation.',
  }),
  root('20', 'Use unconventional mass violence', 4, {
    candidates: ['violence-against-civilians', 'explosions-remote-violence'],
    note: 'Mass killings, expulsions, weapons of mass destruction.',
  }),
];

/** CAMEO event codes below the roots that determine a core category or sub-type. */
export const cameoEventCodes: readonly CategoryCrosswalkRow<string>[] = [
  crosswalkRow(
    '145',
    'Protest violently, riot',
    { category: 'riots', subType: 'violent-demonstration' },
    codeCite,
  ),
  crosswalkRow(
    '173',
    'Arrest, detain, or charge with legal action',
    { category: 'strategic-developments', subType: 'arrests' },
    codeCite,
  ),
  crosswalkRow(
    '175',
    'Use tactics of violent repression',
    {
      candidates: ['violence-against-civilians', 'protests'],
      note: 'Against protesters it is excessive force against protesters.',
    },
    codeCite,
  ),
  crosswalkRow(
    '181',
    'Abduct, hijack, or take hostage',
    { category: 'violence-against-civilians', subType: 'abduction-forced-disappearance' },
    codeCite,
  ),
  crosswalkRow(
    '182',
    'Physically assault',
    { category: 'violence-against-civilians', subType: 'attack' },
    codeCite,
  ),
  crosswalkRow(
    '1821',
    'Sexually assault',
    { category: 'violence-against-civilians', subType: 'sexual-violence' },
    codeCite,
  ),
  crosswalkRow(
    '1823',
    'Kill by physical assault',
    { category: 'violence-against-civilians', subType: 'attack' },
    codeCite,
  ),
  crosswalkRow(
    '183',
    'Conduct suicide, car, or other non-military bombing',
    { category: 'explosions-remote-violence' },
    codeCite,
  ),
  crosswalkRow(
    '1831',
    'Carry out suicide bombing',
    { category: 'explosions-remote-violence', subType: 'suicide-bomb' },
    codeCite,
  ),
  crosswalkRow(
    '1832',
    'Carry out vehicular bombing',
    { category: 'explosions-remote-violence', subType: 'remote-explosive-landmine-ied' },
    codeCite,
  ),
  crosswalkRow(
    '1833',
    'Carry out roadside bombing',
    { category: 'explosions-remote-violence', subType: 'remote-explosive-landmine-ied' },
    codeCite,
  ),
  crosswalkRow(
    '185',
    'Attempt to assassinate',
    {
      candidates: ['violence-against-civilians', 'battles'],
      note: 'The target decides: a civilian or an armed actor.',
    },
    codeCite,
  ),
  crosswalkRow(
    '186',
    'Assassinate',
    {
      candidates: ['violence-against-civilians', 'battles'],
      note: 'The target decides: a civilian or an armed actor.',
    },
    codeCite,
  ),
  crosswalkRow('190', 'Use conventional military force', { candidates: armed }, codeCite),
  crosswalkRow(
    '191',
    'Impose blockade, restrict movement',
    { category: 'strategic-developments', subType: 'other' },
    codeCite,
  ),
  crosswalkRow(
    '192',
    'Occupy territory',
    {
      candidates: ['battles', 'strategic-developments'],
      note: 'With fighting a battle over territory; without, a non-violent transfer.',
    },
    codeCite,
  ),
  crosswalkRow(
    '193',
    'Fight with small arms and light weapons',
    { category: 'battles', subType: 'armed-clash' },
    codeCite,
  ),
  crosswalkRow(
    '194',
    'Fight with artillery and tanks',
    { category: 'explosions-remote-violence', subType: 'shelling-artillery-missile-attack' },
    codeCite,
  ),
  crosswalkRow(
    '195',
    'Employ aerial weapons',
    { category: 'explosions-remote-violence', subType: 'air-drone-strike' },
    codeCite,
  ),
  crosswalkRow(
    '1951',
    'Employ precision-guided aerial munitions',
    { category: 'explosions-remote-violence', subType: 'air-drone-strike' },
    codeCite,
  ),
  crosswalkRow(
    '1952',
    'Employ remotely piloted aerial munitions',
    { category: 'explosions-remote-violence', subType: 'air-drone-strike' },
    codeCite,
  ),
  crosswalkRow('196', 'Violate ceasefire', { candidates: armed }, codeCite),
  crosswalkRow(
    '201',
    'Engage in mass expulsion',
    { category: 'violence-against-civilians', subType: 'attack' },
    codeCite,
  ),
  crosswalkRow(
    '202',
    'Engage in mass killings',
    { category: 'violence-against-civilians', subType: 'attack' },
    codeCite,
  ),
  crosswalkRow(
    '203',
    'Engage in ethnic cleansing',
    { category: 'violence-against-civilians', subType: 'attack' },
    codeCite,
  ),
  crosswalkRow(
    '2041',
    'Use chemical, biological, or radiological weapons',
    { category: 'explosions-remote-violence', subType: 'chemical-weapon' },
    codeCite,
  ),
];

const rootByCode = new Map(cameoRootCodes.map((row) => [row.code, row]));
const eventByCode = new Map(cameoEventCodes.map((row) => [row.code, row]));

/** The root row of a CAMEO event code ("0231" → "02"); undefined when the root is not 01–20. */
export function cameoRootOf(eventCode: string): CameoRootRow | undefined {
  return rootByCode.get(eventCode.slice(0, 2));
}

/**
 * Maps a CAMEO event code to the core taxonomy through its most specific row: the full code,
 * then its three-digit base code, then its root.
 */
export function mapCameoEventCode(eventCode: string): CategoryCrosswalkRow<string> | undefined {
  if (!/^\d{2,4}$/.test(eventCode)) return undefined;
  return (
    eventByCode.get(eventCode) ?? eventByCode.get(eventCode.slice(0, 3)) ?? cameoRootOf(eventCode)
  );
}
