import {
  type Actor,
  type ActorSide,
  type CameoCoding,
  type ConflictEvent,
  type EventType,
  type Location,
  mapCameoEventCode,
  mapLocationPrecision,
  type Source,
  type ValidationIssue,
} from '@conflict-events/schema';
import { actorKindOf } from './cameo-actor-kinds.ts';
import { fipsToIso3 } from './fips-to-iso3.ts';
import type { GdeltLayoutInfo } from './gdelt-fields.ts';
import { isIso3 } from './iso3-codes.ts';

/** CAMEO roots the core taxonomy treats as conflict: protest, coerce, assault, fight, mass violence. */
export const conflictRoots: ReadonlySet<string> = new Set(['14', '17', '18', '19', '20']);

// Fields the model holds exactly; every other non-empty field goes to provenance.unmapped,
// including Actor*Type1Code (the actor kind keeps only part of what it says) and the FIPS
// ActionGeo_CountryCode (the ISO code is a translation, not the source's value).
const mappedFields = new Set([
  'GLOBALEVENTID',
  'SQLDATE',
  'Actor1Code',
  'Actor1Name',
  'Actor1CountryCode',
  'Actor2Code',
  'Actor2Name',
  'Actor2CountryCode',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  'ActionGeo_Type',
  'ActionGeo_FullName',
  'ActionGeo_ADM1Code',
  'ActionGeo_ADM2Code',
  'ActionGeo_Lat',
  'ActionGeo_Long',
  'DATEADDED',
]);

const unsignedInteger = /^\d+$/;
const integer = /^-?\d+$/;
const decimal = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const cameoActorCode = /^[A-Z0-9]{3,}$/;

export interface ParsedRow {
  /** The event to shape-check, when no field was unreadable. */
  candidate?: ConflictEvent;
  /** Why the row cannot become an event; the row is rejected when there are any. */
  issues: ValidationIssue[];
  /** Warnings on a row that still becomes an event. */
  warnings: ValidationIssue[];
}

/** Reads one GDELT row's cells by field name, collecting typed problems as it goes. */
class RowReader {
  readonly issues: ValidationIssue[] = [];
  private readonly index: Map<string, number>;

  constructor(
    private readonly cells: readonly string[],
    layout: GdeltLayoutInfo,
  ) {
    this.index = indexOf(layout);
  }

  fieldNumber(field: string): number | undefined {
    const at = this.index.get(field);
    return at === undefined ? undefined : at + 1;
  }

  /** The cell's text; undefined when empty (empty cells are omitted everywhere). */
  text(field: string): string | undefined {
    const at = this.index.get(field);
    const cell = at === undefined ? undefined : this.cells[at];
    return cell === undefined || cell === '' ? undefined : cell;
  }

  private typeError(field: string, value: string, expected: string): undefined {
    const issue: ValidationIssue = {
      code: 'type-error',
      severity: 'error',
      message: `${field} "${value}" is not ${expected}`,
      field,
      value,
    };
    const fieldNumber = this.fieldNumber(field);
    if (fieldNumber !== undefined) issue.fieldNumber = fieldNumber;
    this.issues.push(issue);
    return undefined;
  }

  required(field: string): string | undefined {
    const value = this.text(field);
    if (value === undefined) {
      const issue: ValidationIssue = {
        code: 'constraint-error',
        severity: 'error',
        message: `${field} is empty; every GDELT event has one`,
        field,
      };
      const fieldNumber = this.fieldNumber(field);
      if (fieldNumber !== undefined) issue.fieldNumber = fieldNumber;
      this.issues.push(issue);
    }
    return value;
  }

  number(field: string, pattern: RegExp, expected: string, value = this.text(field)) {
    if (value === undefined) return undefined;
    return pattern.test(value) ? Number(value) : this.typeError(field, value, expected);
  }

  /** YYYYMMDD or YYYYMMDDHHMMSS, checked as a real calendar time, as an ISO UTC date-time. */
  timestamp(field: string, length: 8 | 14, value = this.text(field)): string | undefined {
    if (value === undefined) return undefined;
    const expected = length === 8 ? 'a date (YYYYMMDD)' : 'a time (YYYYMMDDHHMMSS)';
    if (value.length !== length || !unsignedInteger.test(value))
      return this.typeError(field, value, expected);
    const [year, month, day, hour, minute, second] = [0, 4, 6, 8, 10, 12].map((start) =>
      Number(value.slice(start, start + (start === 0 ? 4 : 2)) || '0'),
    ) as [number, number, number, number, number, number];
    const time = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    if (
      time.getUTCFullYear() !== year ||
      time.getUTCMonth() !== month - 1 ||
      time.getUTCDate() !== day ||
      time.getUTCHours() !== hour ||
      time.getUTCMinutes() !== minute ||
      time.getUTCSeconds() !== second
    )
      return this.typeError(field, value, expected);
    const date = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
    return `${date}T${value.slice(8, 10) || '00'}:${value.slice(10, 12) || '00'}:${value.slice(12, 14) || '00'}Z`;
  }
}

const indexes = new WeakMap<GdeltLayoutInfo, Map<string, number>>();

function indexOf(layout: GdeltLayoutInfo): Map<string, number> {
  let index = indexes.get(layout);
  if (!index) {
    index = new Map(layout.fields.map((field, at) => [field, at]));
    indexes.set(layout, index);
  }
  return index;
}

// gdelt2 "Actor attributes": an actor is present when its code or name is. Its name is
// CAMEO's, upper case as GDELT prints it; the code stands in when the name is empty.
function readActor(reader: RowReader, prefix: 'Actor1' | 'Actor2', side: ActorSide) {
  const code = reader.text(`${prefix}Code`);
  const name = reader.text(`${prefix}Name`) ?? code;
  if (name === undefined) return undefined;
  const actor: Actor = {
    name,
    side,
    role: 'primary',
    kind: actorKindOf(reader.text(`${prefix}Type1Code`)),
  };
  const country = reader.text(`${prefix}CountryCode`);
  if (country !== undefined && isIso3(country)) actor.country = country;
  if (code !== undefined && cameoActorCode.test(code)) actor.ids = { cameo: code };
  return actor;
}

function readLocation(reader: RowReader, warnings: ValidationIssue[]): Location | undefined {
  const typeText = reader.text('ActionGeo_Type');
  const type = reader.number('ActionGeo_Type', unsignedInteger, 'a geographic type (0–5)');
  if (typeText !== undefined && type === undefined) return undefined;
  const precision = mapLocationPrecision('gdelt-geo-type', type ?? 0);
  if (precision === undefined) {
    reader.issues.push({
      code: 'constraint-error',
      severity: 'error',
      message: `ActionGeo_Type ${type} is not a GDELT geographic type (0–5)`,
      field: 'ActionGeo_Type',
      value: String(type),
      ...fieldNumberOf(reader, 'ActionGeo_Type'),
    });
    return undefined;
  }
  // Keys in the schema's order, so output reads the same as any other event's: the required
  // precision is added after the place and point.
  const location: Omit<Location, 'precision'> = {};
  const fips = reader.text('ActionGeo_CountryCode');
  if (fips !== undefined) {
    const iso3 = fipsToIso3(fips);
    if (iso3) location.country = iso3;
    else if (iso3 === undefined)
      warnings.push({
        code: 'constraint-error',
        severity: 'warning',
        message: `ActionGeo_CountryCode "${fips}" is not a FIPS 10-4 country code; the event has no country`,
        field: 'ActionGeo_CountryCode',
        value: fips,
        ...fieldNumberOf(reader, 'ActionGeo_CountryCode'),
      });
  }
  const admin1Code = reader.text('ActionGeo_ADM1Code');
  if (admin1Code !== undefined) location.admin1Code = admin1Code;
  const admin2Code = reader.text('ActionGeo_ADM2Code');
  if (admin2Code !== undefined) location.admin2Code = admin2Code;
  const place = reader.text('ActionGeo_FullName');
  if (place !== undefined) location.place = place;
  const lat = reader.number('ActionGeo_Lat', decimal, 'a latitude');
  const lon = reader.number('ActionGeo_Long', decimal, 'a longitude');
  if (lat !== undefined && lon !== undefined) location.point = { lat, lon };
  const located: Location = Object.assign(location, { precision });
  if (type !== undefined) located.sourcePrecision = { scheme: 'gdelt-geo-type', code: type };
  return located;
}

function fieldNumberOf(reader: RowReader, field: string): { fieldNumber?: number } {
  const fieldNumber = reader.fieldNumber(field);
  return fieldNumber === undefined ? {} : { fieldNumber };
}

function readSource(url: string | undefined): Source | undefined {
  if (url === undefined || !/^https?:\/\//i.test(url) || !URL.canParse(url)) return undefined;
  const host = new URL(url).hostname;
  return host === '' ? undefined : { name: host, kind: 'news-media', url };
}

/** The row's CAMEO root: EventRootCode, or the first two digits of EventCode. */
export function rootOfRow(cells: readonly string[], layout: GdeltLayoutInfo): string | undefined {
  const index = indexOf(layout);
  const rootCell = cells[index.get('EventRootCode') ?? -1];
  if (rootCell) return rootCell;
  const eventCell = cells[index.get('EventCode') ?? -1];
  return eventCell ? eventCell.slice(0, 2) : undefined;
}

/** Maps one GDELT row to a candidate event, following the table in the README. */
export function parseGdeltRow(cells: readonly string[], layout: GdeltLayoutInfo): ParsedRow {
  const reader = new RowReader(cells, layout);
  const warnings: ValidationIssue[] = [];

  const id = reader.required('GLOBALEVENTID');
  reader.number('GLOBALEVENTID', unsignedInteger, 'an event id (an integer)', id);
  const sqlDate = reader.required('SQLDATE');
  const day = reader.timestamp('SQLDATE', 8, sqlDate)?.slice(0, 10);
  // 1.0 gives only the day an event was added: that day at midnight UTC.
  const modified = reader.timestamp('DATEADDED', layout.dateAddedLength);

  const eventCode = reader.required('EventCode');
  const baseCode = reader.text('EventBaseCode');
  const root = rootOfRow(cells, layout);
  const quadClassText = reader.required('QuadClass');
  const quadClass = reader.number('QuadClass', integer, 'a QuadClass (1–4)', quadClassText);
  const goldstein = reader.number('GoldsteinScale', decimal, 'a number');
  const numMentions = reader.number('NumMentions', integer, 'a count');
  const numSources = reader.number('NumSources', integer, 'a count');
  const numArticles = reader.number('NumArticles', integer, 'a count');
  const avgTone = reader.number('AvgTone', decimal, 'a number');

  const location = readLocation(reader, warnings);
  const actors = [readActor(reader, 'Actor1', 'a'), readActor(reader, 'Actor2', 'b')].filter(
    (actor): actor is Actor => actor !== undefined,
  );

  const parsed: ParsedRow = { issues: reader.issues, warnings };
  if (
    reader.issues.length > 0 ||
    id === undefined ||
    day === undefined ||
    eventCode === undefined ||
    quadClass === undefined ||
    location === undefined
  )
    return parsed;

  // The CAMEO coding is kept verbatim (codes as strings, leading zeros kept); zod checks
  // its ranges, and an out-of-range value is reported against the GDELT field.
  const cameo = { eventCode, rootCode: root ?? eventCode.slice(0, 2), quadClass } as CameoCoding;
  if (baseCode !== undefined) cameo.baseCode = baseCode;
  if (goldstein !== undefined) cameo.goldstein = goldstein;
  if (numMentions !== undefined) cameo.numMentions = numMentions;
  if (numSources !== undefined) cameo.numSources = numSources;
  if (numArticles !== undefined) cameo.numArticles = numArticles;
  if (avgTone !== undefined) cameo.avgTone = avgTone;
  // Non-conflict roots (01–13, 15, 16) have no core category; an ambiguous code (190, 18)
  // leaves the category to the analyst. Only a deciding code sets it (cameo, chapter 6).
  const type: EventType = { cameo };
  const crosswalk = mapCameoEventCode(eventCode);
  if (crosswalk?.category !== undefined) type.category = crosswalk.category;
  if (crosswalk?.subType !== undefined) type.subType = crosswalk.subType;

  const unmapped: Record<string, string> = {};
  layout.fields.forEach((field, at) => {
    const cell = cells[at];
    if (cell !== undefined && cell !== '' && !mappedFields.has(field)) unmapped[field] = cell;
  });
  const url = reader.text('SOURCEURL');
  const source = readSource(url);
  if (source) delete unmapped.SOURCEURL;
  // An actor's code and country are kept verbatim here when the actor cannot hold them:
  // a malformed code, a regional country code (AFR), or a country without an actor.
  for (const prefix of ['Actor1', 'Actor2']) {
    const present = actors.some((actor) => actor.side === (prefix === 'Actor1' ? 'a' : 'b'));
    const code = reader.text(`${prefix}Code`);
    if (code !== undefined && !cameoActorCode.test(code)) unmapped[`${prefix}Code`] = code;
    const country = reader.text(`${prefix}CountryCode`);
    if (country !== undefined && (!present || !isIso3(country)))
      unmapped[`${prefix}CountryCode`] = country;
  }

  const candidate: ConflictEvent = {
    id: `gdelt:${id}`,
    date: { start: day, end: day, precision: 'day' },
    location,
    type,
    actors,
    fatalities: { known: false },
    sources: source ? [source] : [],
    provenance: {
      dataset: 'gdelt',
      datasetVersion: layout.datasetVersion,
      layout: layout.layout,
      recordId: id,
      ...(modified !== undefined ? { modified } : {}),
      licence: 'GDELT Project open data',
      attribution: 'The GDELT Project',
      ...(Object.keys(unmapped).length > 0 ? { unmapped } : {}),
    },
  };
  parsed.candidate = candidate;
  return parsed;
}
