import type { ActorKind, Citation } from '@conflict-events/schema';

// CAMEO actor role codes (GDELT's Actor1Type1Code / Actor2Type1Code) crossed to the model's
// actor kinds, which follow ACLED's inter codes. Roles that say nothing about whether or how
// the actor is armed (legislature, elites, opposition, IGOs, …) have no row: such an actor
// is named, so it gets kind `unidentified` without the `unidentified` flag.

export interface CameoActorKindRow {
  code: string;
  /** The CAMEO codebook's label for the role. */
  label: string;
  kind: ActorKind;
  cite: Citation;
}

const domestic: Citation = {
  codebook: 'cameo',
  section: 'chapter 3, actor codes: domestic role codes',
};
const primary: Citation = {
  codebook: 'cameo',
  section: 'chapter 3, actor codes: primary role codes',
};

function row(code: string, label: string, kind: ActorKind, cite = domestic): CameoActorKindRow {
  return { code, label, kind, cite };
}

export const cameoActorKinds: readonly CameoActorKindRow[] = Object.freeze([
  // Armed organs of a state, and a state actor the coders could not name further.
  row('GOV', 'Government', 'state-forces'),
  row('MIL', 'Military', 'state-forces'),
  row('COP', 'Police forces', 'state-forces'),
  row('JUD', 'Judiciary', 'state-forces'),
  row('SPY', 'State intelligence', 'state-forces'),
  row('UIS', 'Unidentified state actor', 'state-forces', primary),
  // Armed opposition to the state (ACLED inter 2).
  row('REB', 'Rebels', 'rebel-group'),
  row('INS', 'Insurgents', 'rebel-group'),
  row('SEP', 'Separatist rebels', 'rebel-group'),
  // Armed groups outside state command that are not rebels (ACLED inter 3).
  row('UAF', 'Unaligned armed forces', 'political-militia'),
  // Unarmed people and occupations ACLED counts as civilians (inter 7).
  row('CVL', 'Civilians', 'civilians'),
  row('REF', 'Refugees', 'civilians'),
  row('AGR', 'Agriculture', 'civilians'),
  row('BUS', 'Business', 'civilians'),
  row('DEV', 'Development', 'civilians'),
  row('EDU', 'Education', 'civilians'),
  row('ENV', 'Environmental', 'civilians'),
  row('HLH', 'Health', 'civilians'),
  row('HRI', 'Human rights', 'civilians'),
  row('LAB', 'Labor', 'civilians'),
  row('MED', 'Media', 'civilians'),
  // UN peacekeepers act outside their own country (ACLED inter 8, external/other forces).
  row('PKO', 'Peacekeepers', 'external-forces', primary),
]);

const kindByCode = new Map(cameoActorKinds.map((entry) => [entry.code, entry.kind]));

/** The model's kind for a CAMEO role code; `unidentified` when the role does not decide it. */
export function actorKindOf(type1Code: string | undefined): ActorKind {
  return (type1Code !== undefined && kindByCode.get(type1Code)) || 'unidentified';
}
