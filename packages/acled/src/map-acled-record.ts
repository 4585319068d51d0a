import {
  CellReader,
  type CellSource,
  defineOwn,
  printsAsNumber,
  restoreFormula,
} from '@conflict-events/io';
import {
  type AcledCoding,
  type Actor,
  type ConflictEvent,
  type DisorderType,
  disorderTypeLabels,
  type EventCategory,
  type EventDate,
  type Fatalities,
  iso3FromGleditschWard,
  type Location,
  mapAcledEventType,
  mapDatePrecision,
  mapLocationPrecision,
  parseAcledInter,
  subTypeTable,
  type ValidationIssue,
} from '@conflict-events/schema';
import type { AcledColumn, AcledLayout } from './acled-columns.ts';
import type { AcledReadOptions } from './acled-options.ts';
import { alpha3FromIsoNumeric } from './iso-numeric.ts';
import {
  addDays,
  monthOfDate,
  parseAcledDate,
  parseDecimal,
  parseUnixSeconds,
} from './parse-acled-values.ts';

export const acledAttribution =
  'Armed Conflict Location & Event Data Project (ACLED); www.acleddata.com';

/** The tag on an event whose pre-2019 event type the record alone cannot place. */
export const reviewEventTypeTag = 'review:event-type';

/** One record as cells by column; an absent column reads as an empty cell. */
export interface AcledRecord extends CellSource<AcledColumn> {
  /** Cells under labels ACLED does not use, kept in provenance.unmapped. */
  extra: readonly (readonly [string, string])[];
}

export interface MapContext {
  layout: AcledLayout;
  version?: string;
  zeroFatalities: AcledReadOptions['zeroFatalities'];
  restoreFormulas: boolean;
}

export interface MappedRecord {
  /** Present when the record maps; then `errors` is empty. */
  candidate?: ConflictEvent;
  errors: ValidationIssue[];
  /** Issues that do not stop the record (an unknown inter code). */
  warnings: ValidationIssue[];
}

/** Columns that hold numbers; our writer never neutralises them, so nothing is restored. */
export const numericColumns: ReadonlySet<AcledColumn> = new Set<AcledColumn>([
  'data_id',
  'event_id_no_cnty',
  'year',
  'time_precision',
  'iso',
  'gwno',
  'latitude',
  'longitude',
  'geo_precision',
  'fatalities',
  'timestamp',
]);

// Columns the model has no field for, kept verbatim. `event_date` is kept too: the model
// widens week- and month-precise dates to a span, and write-back needs the printed day.
const unmappedColumns = [
  'data_id',
  'event_id_no_cnty',
  'event_date',
  'year',
  'iso',
  'gwno',
  'iso3',
] as const satisfies readonly AcledColumn[];

function splitList(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

class RecordMapper extends CellReader<AcledColumn> {
  constructor(
    record: AcledRecord,
    private readonly restoreFormulas: boolean,
  ) {
    super(record);
  }

  /** The cell as printed (a neutralised formula restored); an empty cell reads as undefined. */
  override text(column: AcledColumn): string | undefined {
    const value = this.source.cell(column);
    if (value === '') return undefined;
    // Text is kept as printed, blanks included; only a number column's blank means empty.
    if (numericColumns.has(column)) return value.trim() === '' ? undefined : value;
    return this.restoreFormulas ? restoreFormula(value) : value;
  }

  /**
   * ACLED Codebook 2023, "Time precision" and "Geo-precision": a required code 1, 2 or 3.
   */
  precisionCode(column: AcledColumn): 1 | 2 | 3 | undefined {
    return this.code(column, [1, 2, 3] as const);
  }
}

/**
 * ACLED Codebook 2023, "Time precision": 1 the day is known; 2 the event happened some time
 * in a week and the middle day is coded, so the span is three days either side; 3 some time
 * in a month, so the span is the calendar month of the coded date.
 */
function mapDate(mapper: RecordMapper): EventDate | undefined {
  const code = mapper.precisionCode('time_precision');
  const text = mapper.required('event_date');
  if (text === undefined) return undefined;
  const date = parseAcledDate(text);
  if (date === undefined)
    return mapper.fail(
      'type-error',
      'event_date',
      text,
      `"event_date" is "${text}", not a date (YYYY-MM-DD, dd Month yyyy, dd-Month-yyyy or dd/mm/yyyy)`,
    );
  if (code === undefined) return undefined;
  const precision = mapDatePrecision('acled-time-precision', code);
  if (precision === undefined) return undefined;
  const sourcePrecision = { scheme: 'acled-time-precision' as const, code };
  if (code === 2)
    return { start: addDays(date, -3), end: addDays(date, 3), precision, sourcePrecision };
  if (code === 3) return { ...monthOfDate(date), precision, sourcePrecision };
  return { start: date, end: date, precision, sourcePrecision };
}

const locationNames: readonly (readonly [
  AcledColumn,
  'countryName' | 'region' | 'admin1' | 'admin2' | 'admin3' | 'place',
])[] = [
  ['country', 'countryName'],
  ['region', 'region'],
  ['admin1', 'admin1'],
  ['admin2', 'admin2'],
  ['admin3', 'admin3'],
  ['location', 'place'],
];

function mapLocation(mapper: RecordMapper): Location | undefined {
  // ACLED Codebook 2023, "Geo-precision": 1 the town, 2 near a town or part of a region,
  // 3 only a larger region.
  const code = mapper.precisionCode('geo_precision');
  const latitude = mapper.decimal('latitude', 90);
  const longitude = mapper.decimal('longitude', 180);
  const iso = mapper.whole('iso');
  if (code === undefined) return undefined;
  const precision = mapLocationPrecision('acled-geo-precision', code);
  if (precision === undefined) return undefined;
  // Keys in the schema's order (country, names, point, precision), so the shape check takes
  // the object as it is.
  const location: Omit<Location, 'precision'> = {};
  const iso3 = mapper.text('iso3')?.trim().toUpperCase();
  const gwno = iso === undefined && iso3 === undefined ? mapper.whole('gwno') : undefined;
  if (iso3 !== undefined && /^[A-Z]{3}$/.test(iso3)) location.country = iso3;
  else if (gwno !== undefined) {
    // The 2016 API and the older files code the country by Gleditsch–Ward number only.
    const alpha3 = iso3FromGleditschWard(gwno);
    if (alpha3 !== undefined) location.country = alpha3;
    else
      mapper.warn(
        'unknown-code',
        'gwno',
        String(gwno),
        `gwno ${gwno} is not a Gleditsch–Ward state with an ISO code; location.country is left out and the code kept in provenance.unmapped`,
      );
  } else if (iso !== undefined) {
    // ACLED Codebook 2023, "iso": the ISO 3166-1 numeric code of the country.
    const alpha3 = alpha3FromIsoNumeric(iso);
    if (alpha3 !== undefined) location.country = alpha3;
    else
      mapper.warn(
        'unknown-code',
        'iso',
        String(iso),
        `iso ${iso} is not an ISO 3166-1 numeric code; location.country is left out and the code kept in provenance.unmapped`,
      );
  }
  for (const [column, key] of locationNames) {
    const value = mapper.text(column);
    if (value !== undefined) location[key] = value;
  }
  if (latitude !== undefined && longitude !== undefined)
    location.point = { lat: latitude, lon: longitude };
  else if (latitude !== undefined || longitude !== undefined)
    mapper.warn(
      'missing-cell',
      latitude === undefined ? 'latitude' : 'longitude',
      '',
      'only one coordinate is given; the event has no point',
    );
  return Object.assign(location, {
    precision,
    sourcePrecision: { scheme: 'acled-geo-precision' as const, code },
  });
}

/**
 * ACLED Codebook 2023, "Actors" and "Actor types": actor1 and actor2 are the primary actors
 * of the two sides, assoc_actor_1/2 (ally_actor_1/2 before 2019) the actors associated with
 * them, separated by semicolons; inter1/inter2 give the type of the primary actor, which the
 * associated actors on its side share here.
 */
function actorOf(
  name: string,
  side: Actor['side'],
  role: Actor['role'],
  kind: Actor['kind'],
): Actor {
  const actor: Actor = { name, side, role, kind };
  // ACLED names an unknown perpetrator "Unidentified Armed Group (Country)" and the like.
  if (unidentifiedName.test(name.trim())) actor.unidentified = true;
  return actor;
}

const unidentifiedName = /^unidentified\b/i;

const actorSides = [
  ['a', 'actor1', 'assoc_actor_1', 'ally_actor_1', 'inter1'],
  ['b', 'actor2', 'assoc_actor_2', 'ally_actor_2', 'inter2'],
] as const;

function mapActors(mapper: RecordMapper): { actors: Actor[]; inter1?: number } {
  const actors: Actor[] = [];
  let inter1: number | undefined;
  for (const [side, nameColumn, assocColumn, allyColumn, interColumn] of actorSides) {
    const interText = mapper.text(interColumn);
    const inter = interText === undefined ? undefined : parseAcledInter(interText);
    if (interText !== undefined && inter === undefined)
      mapper.warn(
        'unknown-code',
        interColumn,
        interText,
        `${interColumn} "${interText}" is not an ACLED actor type; the actors of side ${side} are left "unidentified"`,
      );
    if (side === 'a' && inter !== undefined) inter1 = inter.code;
    const kind = inter?.kind ?? 'unidentified';
    const name = mapper.text(nameColumn);
    if (name !== undefined) actors.push(actorOf(name, side, 'primary', kind));
    const associated = splitList(mapper.text(assocColumn) ?? mapper.text(allyColumn));
    for (const associate of associated) {
      actors.push(actorOf(associate, side, 'associated', kind));
    }
  }
  return inter1 === undefined ? { actors } : { actors, inter1 };
}

function disorderOfCategory(category: EventCategory): DisorderType[] {
  // What every sub-type of the category shares (ACLED Codebook 2023, "Disorder type").
  const rows = subTypeTable.filter((row) => row.category === category);
  const first = rows[0]?.disorder ?? [];
  return first.filter((type) => rows.every((row) => row.disorder.includes(type)));
}

const disorderByLabel = new Map(
  Object.entries(disorderTypeLabels).map(([slug, label]) => [
    label.toLowerCase(),
    slug as DisorderType,
  ]),
);

/** ACLED Codebook 2023, "Disorder type": one label, or two separated by a semicolon. */
function disorderOfLabels(text: string | undefined): DisorderType[] {
  const disorder: DisorderType[] = [];
  for (const label of splitList(text)) {
    const slug = disorderByLabel.get(label.toLowerCase());
    if (slug !== undefined && !disorder.includes(slug)) disorder.push(slug);
  }
  return disorder;
}

const codingColumns = [
  ['inter1', 'inter1'],
  ['inter2', 'inter2'],
  ['interaction', 'interaction'],
  ['source_scale', 'sourceScale'],
] as const;

function mapType(
  mapper: RecordMapper,
  inter1: number | undefined,
  tags: string[],
): ConflictEvent['type'] {
  const eventType = mapper.text('event_type');
  const subEventType = mapper.text('sub_event_type');
  const disorderType = mapper.text('disorder_type');
  const type: ConflictEvent['type'] = {};
  if (eventType === undefined) {
    mapper.warn('missing-cell', 'event_type', '', '"event_type" is empty; the event has no type');
    const disorder = disorderOfLabels(disorderType);
    if (disorder.length > 0) type.disorder = disorder;
    return type;
  }
  const acled: AcledCoding = { eventType };
  if (subEventType !== undefined) acled.subEventType = subEventType;
  if (disorderType !== undefined) acled.disorderType = disorderType;
  for (const [column, key] of codingColumns) {
    const value = mapper.text(column);
    if (value !== undefined) acled[key] = value;
  }
  const row = mapAcledEventType(eventType, subEventType);
  let category = row?.category;
  // ACLED Codebook 2019, "changes from the previous event typology": Riots/Protests was split
  // by who demonstrated. The record's own actor type is the only evidence used: protesters
  // (inter1 6) make a protest, rioters (inter1 5) a riot. Anything else is left for review.
  if (category === undefined && row?.candidates.includes('protests')) {
    if (inter1 === 6) category = 'protests';
    else if (inter1 === 5) category = 'riots';
  }
  if (row === undefined)
    mapper.warn(
      'unknown-code',
      subEventType !== undefined && mapAcledEventType(eventType) ? 'sub_event_type' : 'event_type',
      subEventType === undefined ? eventType : `${eventType}: ${subEventType}`,
      'not an ACLED event type (current or pre-2019); the event has no core category',
    );
  if (category === undefined) tags.push(reviewEventTypeTag);
  else type.category = category;
  const subType = category === row?.category ? row?.subType : undefined;
  if (subType !== undefined) type.subType = subType;
  let disorder: DisorderType[] = [];
  if (disorderType !== undefined) disorder = disorderOfLabels(disorderType);
  else if (subType !== undefined) {
    disorder = [...(subTypeTable.find((entry) => entry.slug === subType)?.disorder ?? [])];
  } else if (category !== undefined) disorder = disorderOfCategory(category);
  if (disorder.length > 0) type.disorder = disorder;
  type.acled = acled;
  return type;
}

/**
 * ACLED Codebook 2023, "Fatalities": the number of reported deaths, 0 when no deaths are
 * reported. A 0 therefore also stands for "no figure"; `zeroFatalities` decides.
 */
function mapFatalities(
  mapper: RecordMapper,
  context: MapContext,
  unmapped: Record<string, string>,
): Fatalities {
  const text = mapper.text('fatalities');
  const count = mapper.whole('fatalities');
  if (count === undefined) return { known: false };
  if (count === 0) {
    unmapped.fatalities = text ?? '0';
    return context.zeroFatalities === 'none' ? { known: true, best: 0 } : { known: false };
  }
  return { known: true, best: count };
}

const wholeNumberColumns = ['year', 'data_id', 'event_id_no_cnty', 'gwno'] as const;

/**
 * Keeps a number cell's text when it prints its number other than as JavaScript does
 * (`35.9310`, `0042`), in provenance.unmapped, so that write-back gives the same text.
 * `number` is the cell's value when the caller has read it already.
 */
function keepPrinting(
  unmapped: Record<string, string>,
  column: 'latitude' | 'longitude' | 'timestamp',
  text: string | undefined,
  number: number | undefined,
): void {
  if (text === undefined) return;
  const read = number ?? parseDecimal(text);
  if (read !== undefined && !printsAsNumber(text, read)) unmapped[column] = text;
}

function hasKeys(object: object): boolean {
  for (const _ in object) return true;
  return false;
}

/** Maps one ACLED record to a candidate event, or to the errors that stop it. */
export function mapAcledRecord(record: AcledRecord, context: MapContext): MappedRecord {
  const mapper = new RecordMapper(record, context.restoreFormulas);
  const id = mapper.required('event_id_cnty');
  const date = mapDate(mapper);
  const location = mapLocation(mapper);
  for (const column of wholeNumberColumns) mapper.whole(column);
  const timestampText = mapper.text('timestamp');
  const modified = timestampText === undefined ? undefined : parseUnixSeconds(timestampText);
  if (timestampText !== undefined && modified === undefined)
    mapper.fail(
      'type-error',
      'timestamp',
      timestampText,
      `"timestamp" is "${timestampText}", not Unix seconds`,
    );
  // ACLED's own column names are set as properties; a label from the file's header (which
  // may be "__proto__") is defined as an own property, never assigned.
  const unmapped: Record<string, string> = {};
  const fatalities = mapFatalities(mapper, context, unmapped);
  const { actors, inter1 } = mapActors(mapper);
  const tags = splitList(mapper.text('tags'));
  const type = mapType(mapper, inter1, tags);
  if (mapper.errors.length > 0 || id === undefined || date === undefined || location === undefined)
    return { errors: mapper.errors, warnings: [] };

  for (const column of unmappedColumns) {
    const value = mapper.text(column);
    if (value !== undefined) unmapped[column] = value;
  }
  keepPrinting(unmapped, 'latitude', mapper.text('latitude'), location.point?.lat);
  keepPrinting(unmapped, 'longitude', mapper.text('longitude'), location.point?.lon);
  keepPrinting(unmapped, 'timestamp', timestampText, undefined);
  const civilianTargeting = mapper.text('civilian_targeting');
  if (
    civilianTargeting !== undefined &&
    civilianTargeting.trim().toLowerCase() !== 'civilian targeting'
  ) {
    unmapped.civilian_targeting = civilianTargeting;
    mapper.warn(
      'unknown-code',
      'civilian_targeting',
      civilianTargeting,
      '"civilian_targeting" is neither empty nor "Civilian targeting"; it is kept in provenance.unmapped',
    );
  }
  for (const [key, value] of record.extra) {
    if (value.trim() !== '') defineOwn(unmapped, key, value);
  }

  // Built with the keys in the schema's order, so the shape check hands the objects back as
  // they are instead of copying them into that order.
  const provenance: ConflictEvent['provenance'] = { dataset: 'acled' };
  if (context.version !== undefined) provenance.datasetVersion = context.version;
  provenance.layout = context.layout;
  provenance.recordId = id;
  if (modified !== undefined) provenance.modified = modified;
  provenance.attribution = acledAttribution;
  if (hasKeys(unmapped)) provenance.unmapped = unmapped;
  const fields: Omit<ConflictEvent, 'provenance'> = {
    id: `acled:${id}`,
    date,
    location,
    type,
    actors,
    fatalities,
    sources: splitList(mapper.text('source')).map((name) => ({ name, kind: 'other' as const })),
  };
  // ACLED Codebook 2023, "Civilian targeting": the column says so when civilians were the
  // target; an empty cell says nothing either way.
  if (civilianTargeting?.trim().toLowerCase() === 'civilian targeting')
    fields.civilianTargeting = true;
  const notes = mapper.text('notes');
  if (notes !== undefined) fields.notes = notes;
  if (tags.length > 0) fields.tags = tags;
  const event: ConflictEvent = Object.assign(fields, { provenance });
  return { candidate: event, errors: [], warnings: mapper.warnings };
}
