import type { Citation } from '../taxonomy/citations.ts';
import type { ActorKind } from '../taxonomy/vocabularies.ts';

const cite: Citation = {
  codebook: 'acled2023',
  section: 'Actor types and interaction codes (inter1, inter2, interaction)',
};

export interface AcledInterCode {
  code: number;
  /** The text label ACLED prints since 2023 in `inter1`/`inter2` and in `interaction`. */
  label: string;
  kind: ActorKind | undefined;
  cite: Citation;
}

/** ACLED actor types. 0 is printed in `inter2` when an event has no second actor. */
export const acledInterCodes: readonly AcledInterCode[] = [
  { code: 0, label: 'No actor', kind: undefined, cite },
  { code: 1, label: 'State forces', kind: 'state-forces', cite },
  { code: 2, label: 'Rebel group', kind: 'rebel-group', cite },
  { code: 3, label: 'Political militia', kind: 'political-militia', cite },
  { code: 4, label: 'Identity militia', kind: 'identity-militia', cite },
  { code: 5, label: 'Rioters', kind: 'rioters', cite },
  { code: 6, label: 'Protesters', kind: 'protesters', cite },
  { code: 7, label: 'Civilians', kind: 'civilians', cite },
  { code: 8, label: 'External/Other forces', kind: 'external-forces', cite },
];

const byLabel = new Map<string, AcledInterCode>();
for (const entry of acledInterCodes) {
  byLabel.set(entry.label.toLowerCase(), entry);
  byLabel.set(String(entry.code), entry);
}
// Plural labels of the older codebooks ("Rebel Groups", "Political Militias", …).
for (const [label, code] of [
  ['rebel groups', 2],
  ['political militias', 3],
  ['identity militias', 4],
  ['external/other force', 8],
  ['other forces', 8],
  ['state force', 1],
] as const) {
  byLabel.set(label, acledInterCodes[code] as AcledInterCode);
}

/** Reads an `inter1`/`inter2` value: a code ("1", "01") or a label, any case. */
export function parseAcledInter(value: string): AcledInterCode | undefined {
  const trimmed = value.trim().toLowerCase();
  if (/^\d+$/.test(trimmed)) return byLabel.get(String(Number(trimmed)));
  return byLabel.get(trimmed.replace(/\s+/g, ' '));
}

const kindToCode = new Map(
  acledInterCodes.flatMap((entry) => (entry.kind ? [[entry.kind, entry.code] as const] : [])),
);

/** The ACLED inter code of an actor kind; `unidentified` has none. */
export function acledInterCodeOf(kind: ActorKind): number | undefined {
  return kindToCode.get(kind);
}

/**
 * The interaction ACLED derives from two inter codes: the two digits with the lower first
 * ("17"), or the single code followed by 0 when there is no second actor ("60").
 */
export function expectedAcledInteraction(inter1: number, inter2: number): string {
  if (inter1 === 0 || inter2 === 0) return `${Math.max(inter1, inter2)}0`;
  return `${Math.min(inter1, inter2)}${Math.max(inter1, inter2)}`;
}

/**
 * Reads an `interaction` value as its numeric code: "17", "State forces-Civilians" → "17",
 * "Protesters only" → "60". Returns undefined when it is neither form.
 */
export function parseAcledInteraction(value: string): string | undefined {
  const trimmed = value.trim();
  if (/^\d{2}$/.test(trimmed)) {
    return expectedAcledInteraction(Number(trimmed[0]), Number(trimmed[1]));
  }
  const only = /^(.+?)\s+only$/i.exec(trimmed);
  if (only?.[1]) {
    const entry = parseAcledInter(only[1]);
    return entry ? expectedAcledInteraction(entry.code, 0) : undefined;
  }
  // Labels contain no "-" but "External/Other forces" has a "/", so try each "-" as the joint.
  for (let index = trimmed.indexOf('-'); index > 0; index = trimmed.indexOf('-', index + 1)) {
    const left = parseAcledInter(trimmed.slice(0, index));
    const right = parseAcledInter(trimmed.slice(index + 1));
    if (left && right) return expectedAcledInteraction(left.code, right.code);
  }
  return undefined;
}
