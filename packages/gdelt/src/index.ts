// The public entry: the GDELT events format and the tables its mapping uses.

export { actorKindOf, type CameoActorKindRow, cameoActorKinds } from './cameo-actor-kinds.ts';
export { type FipsCountry, fipsCountries, fipsToIso3 } from './fips-to-iso3.ts';
export { type GdeltLayout, type GdeltLayoutInfo, gdeltLayouts } from './gdelt-fields.ts';
export {
  defaultGdeltReadOptions,
  type GdeltReadOptions,
  type GdeltWriteOptions,
  gdeltFormat,
} from './gdelt-format.ts';
export { isIso3 } from './iso3-codes.ts';
export { joinMentions, mentionFields } from './join-mentions.ts';
export { conflictRoots } from './parse-gdelt-row.ts';
