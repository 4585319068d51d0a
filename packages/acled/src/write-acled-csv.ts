import {
  type Batch,
  type CommonWriteOptions,
  eventArrays,
  neutraliseFormula,
  TextChunker,
} from '@conflict-events/io';
import {
  acledInterCodeOf,
  type ConflictEvent,
  categoryTable,
  disorderTypeLabels,
  expectedAcledInteraction,
  parseAcledInter,
  subTypeTable,
} from '@conflict-events/schema';
import { type AcledColumn, acled2023Columns } from './acled-columns.ts';
import { type AcledWriteOptions, defaultAcledWriteOptions } from './acled-options.ts';
import { alpha3FromIsoNumeric, isoNumericFromAlpha3 } from './iso-numeric.ts';
import { reviewEventTypeTag } from './map-acled-record.ts';
import {
  addDays,
  formatDecimal,
  parseAcledDate,
  parseDecimal,
  parseUnixSeconds,
  parseWholeNumber,
  toUnixSeconds,
} from './parse-acled-values.ts';

type Row = Record<(typeof acled2023Columns)[number], string>;

// Cells that hold numbers: never neutralised, since `-12.5` is a latitude, not a formula.
const numericCells = new Set<AcledColumn>([
  'year',
  'time_precision',
  'iso',
  'latitude',
  'longitude',
  'geo_precision',
  'fatalities',
  'timestamp',
]);

const needsQuotes = /[",\r\n]/;

function quote(cell: string): string {
  return needsQuotes.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * A list cell as ACLED prints it: items separated by `; `. Items are trimmed and split at
 * their own semicolons, since a reader cannot tell those from separators.
 */
function joinList(items: readonly string[]): string {
  return items
    .flatMap((item) => item.split(';'))
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .join('; ');
}

function original(event: ConflictEvent, key: string): string | undefined {
  const value = event.provenance.unmapped?.[key];
  return typeof value === 'string' ? value : undefined;
}

function daysBetween(start: string, end: string): number {
  return Math.round(
    (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000,
  );
}

/** ACLED Codebook 2023, "Time precision": the code the event's date is printed with. */
function timePrecisionOf(event: ConflictEvent): 1 | 2 | 3 {
  const source = event.date.sourcePrecision;
  if (
    source?.scheme === 'acled-time-precision' &&
    (source.code === 1 || source.code === 2 || source.code === 3)
  )
    return source.code;
  switch (event.date.precision) {
    case 'day':
      return 1;
    case 'range':
    case 'week':
      return 2;
    default:
      return 3;
  }
}

/**
 * The day printed in `event_date`: the one read (kept in provenance.unmapped) while it still
 * lies in the event's span; otherwise the day itself, or the middle day ACLED codes for a
 * week or month.
 */
function eventDateOf(event: ConflictEvent): string {
  const { start, end, precision } = event.date;
  const read = original(event, 'event_date');
  const parsed = read === undefined ? undefined : parseAcledDate(read);
  if (parsed !== undefined && parsed >= start && parsed <= end) return parsed;
  if (precision === 'day' || end < start) return start;
  return addDays(start, Math.floor(daysBetween(start, end) / 2));
}

function geoPrecisionOf(event: ConflictEvent): 1 | 2 | 3 {
  const source = event.location.sourcePrecision;
  if (
    source?.scheme === 'acled-geo-precision' &&
    (source.code === 1 || source.code === 2 || source.code === 3)
  )
    return source.code;
  if (event.location.precision === 'place') return 1;
  if (event.location.precision === 'near') return 2;
  return 3;
}

function isoOf(event: ConflictEvent): string {
  const country = event.location.country;
  const read = original(event, 'iso');
  const readCode = read === undefined ? undefined : parseWholeNumber(read);
  if (read !== undefined && readCode !== undefined && readCode >= 0) {
    const alpha3 = alpha3FromIsoNumeric(readCode);
    // The code read still names the event's country (or named none the table knows).
    if (alpha3 === country || (alpha3 === undefined && country === undefined)) return read;
  }
  if (country === undefined || country === 'none') return '';
  const numeric = isoNumericFromAlpha3(country);
  return numeric === undefined ? '' : String(numeric);
}

function coordinateOf(event: ConflictEvent, key: 'latitude' | 'longitude'): string {
  const point = event.location.point;
  if (!point) return '';
  const value = key === 'latitude' ? point.lat : point.lon;
  const read = original(event, key);
  return read !== undefined && parseDecimal(read) === value ? read : formatDecimal(value);
}

function fatalitiesOf(event: ConflictEvent): string {
  const read = original(event, 'fatalities');
  const readZero = read !== undefined && parseWholeNumber(read) === 0;
  if (event.fatalities.known) {
    if (event.fatalities.best === 0 && readZero) return read;
    return String(event.fatalities.best);
  }
  // ACLED Codebook 2023, "Fatalities": 0 when no deaths are reported.
  return readZero ? read : '0';
}

function timestampOf(event: ConflictEvent): string {
  const modified = event.provenance.modified;
  if (modified === undefined) return '';
  const read = original(event, 'timestamp');
  if (read !== undefined && parseUnixSeconds(read) !== undefined) {
    if (toUnixSeconds(parseUnixSeconds(read) ?? '') === toUnixSeconds(modified)) return read;
  }
  const seconds = toUnixSeconds(modified);
  return seconds === undefined || seconds < 0 ? '' : String(seconds);
}

function recordIdOf(event: ConflictEvent): string {
  if (event.provenance.dataset === 'acled' && event.provenance.recordId !== undefined)
    return event.provenance.recordId;
  return event.id.startsWith('acled:') ? event.id.slice('acled:'.length) : event.id;
}

function actorCells(event: ConflictEvent, side: 'a' | 'b') {
  const actors = event.actors.filter((actor) => actor.side === side);
  const primary = actors.find((actor) => actor.role === 'primary');
  const others = actors.filter((actor) => actor !== primary).map((actor) => actor.name);
  const code = primary === undefined ? undefined : acledInterCodeOf(primary.kind);
  return { name: primary?.name ?? '', associated: joinList(others), code };
}

/** One event as the 31 cells of ACLED's 2023 layout, before quoting. */
export function encodeAcledRow(event: ConflictEvent): Row {
  const acled = event.type.acled;
  // Without ACLED's own coding the labels come from the core taxonomy, whose sub-types each
  // belong to one category; a sub-type of another category than the event's is not printed.
  const subTypeEntry = subTypeTable.find((entry) => entry.slug === event.type.subType);
  const categorySlug = event.type.category ?? subTypeEntry?.category;
  const category = categoryTable.find((entry) => entry.slug === categorySlug);
  const subType = subTypeEntry?.category === categorySlug ? subTypeEntry : undefined;
  const sideA = actorCells(event, 'a');
  const sideB = actorCells(event, 'b');
  // Codes read from ACLED are written as read (an empty inter2 stays empty); otherwise they
  // follow from the actor kinds, with inter2 0 when there is no second actor (ACLED Codebook
  // 2023, "Actor types").
  const inter1 = acled ? (acled.inter1 ?? '') : sideA.code === undefined ? '' : String(sideA.code);
  const inter2 = acled
    ? (acled.inter2 ?? '')
    : sideB.name === ''
      ? '0'
      : sideB.code === undefined
        ? ''
        : String(sideB.code);
  const code1 = parseAcledInter(inter1)?.code;
  const code2 = parseAcledInter(inter2)?.code;
  const interaction = acled
    ? (acled.interaction ?? '')
    : code1 === undefined || code2 === undefined
      ? ''
      : expectedAcledInteraction(code1, code2);
  const eventDate = eventDateOf(event);
  const readYear = original(event, 'year');
  const location = event.location;
  return {
    event_id_cnty: recordIdOf(event),
    event_date: eventDate,
    year: readYear === eventDate.slice(0, 4) ? readYear : String(Number(eventDate.slice(0, 4))),
    time_precision: String(timePrecisionOf(event)),
    disorder_type: acled
      ? (acled.disorderType ?? '')
      : (event.type.disorder ?? []).map((type) => disorderTypeLabels[type]).join('; '),
    event_type: acled?.eventType ?? category?.label ?? '',
    sub_event_type: acled ? (acled.subEventType ?? '') : (subType?.label ?? ''),
    actor1: sideA.name,
    assoc_actor_1: sideA.associated,
    inter1,
    actor2: sideB.name,
    assoc_actor_2: sideB.associated,
    inter2,
    interaction,
    civilian_targeting:
      event.civilianTargeting === true
        ? 'Civilian targeting'
        : (original(event, 'civilian_targeting') ?? ''),
    iso: isoOf(event),
    region: location.region ?? '',
    country: location.countryName ?? '',
    admin1: location.admin1 ?? '',
    admin2: location.admin2 ?? '',
    admin3: location.admin3 ?? '',
    location: location.place ?? '',
    latitude: coordinateOf(event, 'latitude'),
    longitude: coordinateOf(event, 'longitude'),
    geo_precision: String(geoPrecisionOf(event)),
    source: joinList(event.sources.map((source) => source.name)),
    source_scale: acled?.sourceScale ?? '',
    notes: event.notes ?? '',
    fatalities: fatalitiesOf(event),
    // The review tag is ours, not ACLED's: it marks a type the reader could not place.
    tags: joinList((event.tags ?? []).filter((tag) => tag !== reviewEventTypeTag)),
    timestamp: timestampOf(event),
  };
}

/** One event as a line of ACLED's 2023 layout, quoted (RFC 4180), without the line end. */
export function encodeAcledLine(event: ConflictEvent, neutralise: boolean): string {
  const row = encodeAcledRow(event);
  return acled2023Columns
    .map((column) => {
      const cell = row[column];
      const safe = neutralise && !numericCells.has(column) ? neutraliseFormula(cell) : cell;
      return quote(safe);
    })
    .join(',');
}

/**
 * Writes ACLED's current (2023) layout: the 31-column header, then one row per event, LF line
 * ends, quoting only where needed.
 */
export async function* writeAcledCsv(
  events: AsyncIterable<ConflictEvent | Batch>,
  options: Partial<AcledWriteOptions> & CommonWriteOptions = {},
): AsyncIterable<Uint8Array> {
  const neutralise = options.neutraliseFormulas ?? defaultAcledWriteOptions.neutraliseFormulas;
  const chunker = new TextChunker();
  chunker.add(`${options.bom ? '\uFEFF' : ''}${acled2023Columns.join(',')}\n`);
  for await (const group of eventArrays(events)) {
    for (const event of group) {
      const chunk = chunker.addLine(encodeAcledLine(event, neutralise));
      if (chunk) yield chunk;
    }
  }
  const rest = chunker.flush();
  if (rest) yield rest;
}
