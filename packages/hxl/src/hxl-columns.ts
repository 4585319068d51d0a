import { formatPattern, type TagPattern } from './parse-hashtag.ts';

/** What a column means to the reader; every column without a role goes to provenance.unmapped. */
export type HxlRole =
  | 'id'
  | 'dateOccurred'
  | 'dateStart'
  | 'dateEnd'
  | 'eventType'
  | 'subEventType'
  | 'actorA'
  | 'actorB'
  | 'admin1'
  | 'admin2'
  | 'place'
  | 'lat'
  | 'lon'
  | 'countryCode'
  | 'countryName'
  | 'fatalities'
  | 'sources'
  | 'notes';

export interface HxlColumnRule {
  role: HxlRole;
  pattern: TagPattern;
  /** Where the role's value goes in an event, for issues that point into the event. */
  pointers: readonly string[];
}

// The hashtags are those of the HXL 1.1 dictionary as HDX applies them to its ACLED and UCDP
// extracts. Exclusions keep a pattern off a sibling column that only adds an attribute:
// ACLED's associated actors (`+assoc`) and the sub-event type (`+sub`).
export const hxlColumnRules: readonly HxlColumnRule[] = [
  {
    role: 'id',
    pattern: { hashtag: 'event', include: ['code'] },
    pointers: ['/id', '/provenance/recordId'],
  },
  {
    role: 'dateOccurred',
    pattern: { hashtag: 'date', include: ['occurred'] },
    pointers: ['/date'],
  },
  {
    role: 'dateStart',
    pattern: { hashtag: 'date', include: ['start'] },
    pointers: ['/date/start'],
  },
  { role: 'dateEnd', pattern: { hashtag: 'date', include: ['end'] }, pointers: ['/date/end'] },
  {
    role: 'eventType',
    pattern: { hashtag: 'event', include: ['type'], exclude: ['sub'] },
    pointers: ['/type/category'],
  },
  {
    role: 'subEventType',
    pattern: { hashtag: 'event', include: ['type', 'sub'] },
    pointers: ['/type/subType'],
  },
  {
    role: 'actorA',
    pattern: { hashtag: 'group', include: ['name', 'first'], exclude: ['assoc'] },
    pointers: ['/actors/0'],
  },
  {
    role: 'actorB',
    pattern: { hashtag: 'group', include: ['name', 'second'], exclude: ['assoc'] },
    pointers: ['/actors/1'],
  },
  {
    role: 'admin1',
    pattern: { hashtag: 'adm1', include: ['name'] },
    pointers: ['/location/admin1'],
  },
  {
    role: 'admin2',
    pattern: { hashtag: 'adm2', include: ['name'] },
    pointers: ['/location/admin2'],
  },
  { role: 'place', pattern: { hashtag: 'loc', include: ['name'] }, pointers: ['/location/place'] },
  { role: 'lat', pattern: { hashtag: 'geo', include: ['lat'] }, pointers: ['/location/point/lat'] },
  { role: 'lon', pattern: { hashtag: 'geo', include: ['lon'] }, pointers: ['/location/point/lon'] },
  {
    role: 'countryCode',
    pattern: { hashtag: 'country', include: ['code'] },
    pointers: ['/location/country'],
  },
  {
    role: 'countryName',
    pattern: { hashtag: 'country', include: ['name'] },
    pointers: ['/location/countryName'],
  },
  {
    role: 'fatalities',
    pattern: { hashtag: 'affected', include: ['killed'] },
    pointers: ['/fatalities'],
  },
  { role: 'sources', pattern: { hashtag: 'meta', include: ['source'] }, pointers: ['/sources'] },
  { role: 'notes', pattern: { hashtag: 'description', include: [] }, pointers: ['/notes'] },
];

/** The rules an event pointer may stem from, the most specific (longest prefix) first. */
export function rulesOfPointer(pointer: string): HxlColumnRule[] {
  const found: { rule: HxlColumnRule; length: number }[] = [];
  for (const rule of hxlColumnRules) {
    const lengths = rule.pointers
      .filter((prefix) => pointer === prefix || pointer.startsWith(`${prefix}/`))
      .map((prefix) => prefix.length);
    if (lengths.length > 0) found.push({ rule, length: Math.max(...lengths) });
  }
  return found.sort((left, right) => right.length - left.length).map(({ rule }) => rule);
}

/** The tag pattern a pointer's value comes from (`#geo+lat` for `/location/point/lat`). */
export function tagOfPointer(pointer: string): string | undefined {
  const [rule] = rulesOfPointer(pointer);
  return rule ? formatPattern(rule.pattern) : undefined;
}
