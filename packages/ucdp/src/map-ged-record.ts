import { CellReader, type CellSource, parseWholeNumber } from '@conflict-events/io';
import {
  type Actor,
  type ConflictEvent,
  type Fatalities,
  iso3FromGleditschWard,
  type Location,
  mapDatePrecision,
  mapLocationPrecision,
  type UcdpCoding,
  ucdpViolenceTypes,
  type ValidationIssue,
} from '@conflict-events/schema';
import { parseSources } from './parse-sources.ts';
import { datePart } from './parse-values.ts';
import type { GedColumn, GedLayout } from './ucdp-columns.ts';

export const ucdpLicence = 'CC-BY-4.0';
export const ucdpAttribution =
  'UCDP Georeferenced Event Dataset; Sundberg & Melander (2013), Journal of Peace Research 50(4)';

/** One record as cells by column; an absent column reads as an empty cell. */
export interface GedRecord extends CellSource<GedColumn> {
  /** Cells under labels the GED does not have, kept in provenance.unmapped. */
  extra: readonly (readonly [string, string])[];
}

export interface MapContext {
  layout: GedLayout;
  version?: string;
}

export interface MappedRecord {
  /** Present when the record maps; then `errors` is empty. */
  candidate?: ConflictEvent;
  errors: ValidationIssue[];
  /** Issues that do not stop the record (an unknown country code). */
  warnings: ValidationIssue[];
}

// Columns the model has no field for: kept verbatim (UCDP GED Codebook 23.1 describes each).
// The source_* strings are kept too although `sources` holds them parsed, because the
// parsing pairs entries by position and cannot be undone exactly.
const unmappedColumns = [
  'relid',
  'year',
  'active_year',
  'code_status',
  'conflict_dset_id',
  'dyad_dset_id',
  'side_a_dset_id',
  'side_b_dset_id',
  'number_of_sources',
  'source_article',
  'source_office',
  'source_date',
  'source_headline',
  'source_original',
  'geom_wkt',
  'priogrid_gid',
  'country_id',
  'gwnoa',
  'gwnob',
  'iso3',
] as const satisfies readonly GedColumn[];

const governmentName = /^government of\b/i;

/**
 * UCDP GED Codebook 23.1, "side_a", "side_b" and "type_of_violence": a government side is
 * named "Government of …"; in one-sided violence side b is "Civilians"; every other side is
 * an organised armed group, which the GED does not subdivide. We call those rebel groups —
 * the nearest kind in our vocabulary for both state-based and non-state conflict.
 */
function actorKindOf(name: string): Actor['kind'] {
  if (governmentName.test(name)) return 'state-forces';
  if (name.trim().toLowerCase() === 'civilians') return 'civilians';
  return 'rebel-group';
}

class RecordMapper extends CellReader<GedColumn> {
  date(column: GedColumn): string | undefined {
    const value = this.required(column);
    if (value === undefined) return undefined;
    const date = datePart(value);
    if (date === undefined)
      return this.fail(
        'type-error',
        column,
        value,
        `"${column}" is "${value}", not a date (YYYY-MM-DD)`,
      );
    return date;
  }
}

function mapLocation(mapper: RecordMapper): Location | undefined {
  // UCDP GED Codebook 23.1, "where_prec": 1 exact place … 7 international waters or airspace.
  const wherePrec = mapper.code('where_prec', [1, 2, 3, 4, 5, 6, 7] as const);
  const latitude = mapper.decimal('latitude');
  const longitude = mapper.decimal('longitude');
  const countryId = mapper.whole('country_id');
  if (wherePrec === undefined) return undefined;
  const precision = mapLocationPrecision('ucdp-where-prec', wherePrec);
  if (precision === undefined) return undefined;
  const location: Location = {
    precision,
    sourcePrecision: { scheme: 'ucdp-where-prec', code: wherePrec },
  };
  const countryName = mapper.text('country');
  if (wherePrec === 7) {
    // International waters or airspace: the GED still names the country whose conflict it
    // is, but that is not where it happened; the model says "none" and the names stay in
    // provenance.unmapped.
    location.country = 'none';
  } else {
    const iso3 = mapper.text('iso3');
    if (iso3 !== undefined && /^[A-Z]{3}$/.test(iso3)) location.country = iso3;
    else if (countryId !== undefined) {
      const mapped = iso3FromGleditschWard(countryId);
      if (mapped !== undefined) location.country = mapped;
      else
        mapper.warn(
          'unknown-code',
          'country_id',
          String(countryId),
          `country_id ${countryId} is not a Gleditsch–Ward state with an ISO 3166-1 code; location.country is left out and the code kept in provenance.unmapped`,
        );
    }
    if (countryName !== undefined) location.countryName = countryName;
  }
  const region = mapper.text('region');
  if (region !== undefined) location.region = region;
  const admin1 = mapper.text('adm_1');
  if (admin1 !== undefined) location.admin1 = admin1;
  const admin2 = mapper.text('adm_2');
  if (admin2 !== undefined) location.admin2 = admin2;
  const place = mapper.text('where_coordinates');
  if (place !== undefined) location.place = place;
  const description = mapper.text('where_description');
  if (description !== undefined) location.description = description;
  if (latitude !== undefined && longitude !== undefined)
    location.point = { lat: latitude, lon: longitude };
  return location;
}

function mapActors(mapper: RecordMapper, typeOfViolence: 1 | 2 | 3): Actor[] {
  const actors: Actor[] = [];
  const sides = [
    ['a', 'side_a', 'side_a_new_id', 'gwnoa'],
    ['b', 'side_b', 'side_b_new_id', 'gwnob'],
  ] as const;
  for (const [side, nameColumn, idColumn, gwColumn] of sides) {
    const id = mapper.whole(idColumn);
    const name = mapper.text(nameColumn);
    if (name === undefined) continue;
    let kind = actorKindOf(name);
    // Codebook "type_of_violence": in one-sided violence the target on side b is always
    // civilians, whatever the cell's spelling.
    if (typeOfViolence === 3 && side === 'b' && kind !== 'state-forces') kind = 'civilians';
    const actor: Actor = { name, side, role: 'primary', kind };
    if (kind === 'state-forces') {
      // gwnoa / gwnob name the government's state; several codes (a coalition) stay unmapped.
      const code = parseWholeNumber(mapper.text(gwColumn) ?? '');
      const country = code === undefined ? undefined : iso3FromGleditschWard(code);
      if (country !== undefined) actor.country = country;
    }
    if (id !== undefined) actor.ids = { ucdp: id };
    actors.push(actor);
  }
  return actors;
}

function mapFatalities(mapper: RecordMapper, unmapped: Map<string, string>): Fatalities {
  // UCDP GED Codebook 23.1, "best", "low", "high", "deaths_a" … "deaths_unknown". Figures
  // are kept as published even when low > best or best > high (rule fatalities-order warns).
  const best = mapper.whole('best');
  const low = mapper.whole('low');
  const high = mapper.whole('high');
  const sideA = mapper.whole('deaths_a');
  const sideB = mapper.whole('deaths_b');
  const civilians = mapper.whole('deaths_civilians');
  const unknown = mapper.whole('deaths_unknown');
  if (best === undefined) {
    // No best estimate: the toll is unknown, not zero; whatever else was printed is kept.
    for (const column of [
      'low',
      'high',
      'deaths_a',
      'deaths_b',
      'deaths_civilians',
      'deaths_unknown',
    ] as const) {
      const value = mapper.text(column);
      if (value !== undefined) unmapped.set(column, value);
    }
    return { known: false };
  }
  const fatalities: Fatalities = { known: true, best };
  if (low !== undefined) fatalities.low = low;
  if (high !== undefined) fatalities.high = high;
  const breakdown: NonNullable<Extract<Fatalities, { known: true }>['breakdown']> = {};
  if (sideA !== undefined) breakdown.sideA = sideA;
  if (sideB !== undefined) breakdown.sideB = sideB;
  if (civilians !== undefined) breakdown.civilians = civilians;
  if (unknown !== undefined) breakdown.unknown = unknown;
  if (Object.keys(breakdown).length > 0) fatalities.breakdown = breakdown;
  return fatalities;
}

/** Maps one GED record to a candidate event, or to the errors that stop it. */
export function mapGedRecord(record: GedRecord, context: MapContext): MappedRecord {
  const mapper = new RecordMapper(record);
  const id = mapper.required('id');
  // UCDP GED Codebook 23.1, "type_of_violence" (see ucdpViolenceTypes in the schema package).
  const typeOfViolence = mapper.code('type_of_violence', [1, 2, 3] as const);
  // UCDP GED Codebook 23.1, "date_prec": 1 exact day … 5 a span of more than a month.
  const datePrec = mapper.code('date_prec', [1, 2, 3, 4, 5] as const);
  const start = mapper.date('date_start');
  const end = mapper.date('date_end');
  const location = mapLocation(mapper);
  const conflictId = mapper.whole('conflict_new_id');
  const dyadId = mapper.whole('dyad_new_id');
  const eventClarity = mapper.code('event_clarity', [1, 2] as const, false);
  const sourceCount = mapper.text('number_of_sources');
  // -1 means "not recorded" (GED Codebook 23.1, "number_of_sources"); kept verbatim.
  if (sourceCount !== undefined) mapper.whole('number_of_sources', -1);
  mapper.whole('year');
  // A Map, so that a column labelled "__proto__" is a key like any other.
  const unmapped = new Map<string, string>();
  const actors = typeOfViolence === undefined ? [] : mapActors(mapper, typeOfViolence);
  const fatalities = mapFatalities(mapper, unmapped);
  const datePrecision =
    datePrec === undefined ? undefined : mapDatePrecision('ucdp-date-prec', datePrec);
  if (
    mapper.errors.length > 0 ||
    id === undefined ||
    typeOfViolence === undefined ||
    datePrec === undefined ||
    datePrecision === undefined ||
    start === undefined ||
    end === undefined ||
    location === undefined
  ) {
    return { errors: mapper.errors, warnings: [] };
  }

  for (const column of unmappedColumns) {
    const value = mapper.text(column);
    if (value !== undefined) unmapped.set(column, value);
  }
  if (location.country === 'none') {
    const name = mapper.text('country');
    if (name !== undefined) unmapped.set('country', name);
  }
  for (const [key, value] of record.extra) {
    if (value.trim() !== '') unmapped.set(key, value);
  }

  const ucdp: UcdpCoding = { typeOfViolence };
  if (conflictId !== undefined) ucdp.conflictId = conflictId;
  const conflictName = mapper.text('conflict_name');
  if (conflictName !== undefined) ucdp.conflictName = conflictName;
  if (dyadId !== undefined) ucdp.dyadId = dyadId;
  const dyadName = mapper.text('dyad_name');
  if (dyadName !== undefined) ucdp.dyadName = dyadName;
  if (eventClarity !== undefined) ucdp.eventClarity = eventClarity;

  const type: ConflictEvent['type'] = { disorder: ['political-violence'], ucdp };
  // Only one-sided violence has a core category; UCDP does not code the means of
  // state-based or non-state violence, so a clash and an air strike look alike.
  const category = ucdpViolenceTypes.find((row) => row.code === typeOfViolence)?.category;
  if (category !== undefined) type.category = category;

  const event: ConflictEvent = {
    id: `ucdp:${id}`,
    date: {
      start,
      end,
      precision: datePrecision,
      sourcePrecision: { scheme: 'ucdp-date-prec', code: datePrec },
    },
    location,
    type,
    actors,
    fatalities,
    sources: parseSources(
      record.cell('source_office'),
      record.cell('source_date'),
      record.cell('source_headline'),
    ),
    provenance: {
      dataset: 'ucdp-ged',
      layout: context.layout,
      recordId: id,
      licence: ucdpLicence,
      attribution: ucdpAttribution,
    },
  };
  // One-sided violence is by definition deliberate force against civilians (Codebook 23.1,
  // "type_of_violence" 3); for the other types the GED does not say.
  if (typeOfViolence === 3) event.civilianTargeting = true;
  if (context.version !== undefined) event.provenance.datasetVersion = context.version;
  if (unmapped.size > 0) event.provenance.unmapped = Object.fromEntries(unmapped);
  return { candidate: event, errors: [], warnings: mapper.warnings };
}
