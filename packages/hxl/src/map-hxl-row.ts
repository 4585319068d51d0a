import { calendarDate, monthNumber, parseIsoDate } from '@conflict-events/io';
import {
  type Actor,
  type ConflictEvent,
  type EventDate,
  type EventType,
  type Location,
  mapAcledEventType,
  type Source,
  type ValidationIssue,
} from '@conflict-events/schema';
import { type HxlRole, hxlColumnRules } from './hxl-columns.ts';
import type { HxlLayout } from './hxl-layout.ts';
import { formatPattern } from './parse-hashtag.ts';

export interface MappedRow {
  /** The event before shape-checking; undefined when the row is rejected. */
  candidate?: ConflictEvent;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
}

/**
 * A calendar date from `YYYY-MM-DD` (a time part after it, as UCDP writes, is dropped) or
 * ACLED's `D Month YYYY`; undefined for anything else or a day the calendar lacks.
 */
export function parseHxlDate(text: string): string | undefined {
  const iso = parseIsoDate(text);
  if (iso) return iso;
  const spelled = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text);
  const month = spelled ? monthNumber(spelled[2] ?? '') : undefined;
  return spelled && month ? calendarDate(Number(spelled[3]), month, Number(spelled[1])) : undefined;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * HXL has no precision code, so a range's precision is read from its length: one day is a
 * day, up to six days a range, then the shortest of week, month or year that holds the span.
 */
export function precisionOfSpan(start: string, end: string): EventDate['precision'] {
  const days = Math.round((Date.parse(end) - Date.parse(start)) / dayMs) + 1;
  if (days <= 1) return 'day';
  if (days <= 6) return 'range';
  if (days <= 7) return 'week';
  if (days <= 31) return 'month';
  return 'year';
}

const decimal = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Reads one data row (already checked to have the layout's width) as a candidate event. */
export function mapHxlRow(cells: readonly string[], layout: HxlLayout, dataset: string): MappedRow {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  /** Columns whose value the event holds; every other non-empty cell goes to unmapped. */
  const used = new Set<number>();

  const cell = (role: HxlRole): string => {
    const index = layout.roles.get(role);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const take = (role: HxlRole): string | undefined => {
    const value = cell(role);
    const index = layout.roles.get(role);
    if (value === '' || index === undefined) return undefined;
    used.add(index);
    return value;
  };
  const columnOf = (role: HxlRole) => {
    const index = layout.roles.get(role);
    const column = index === undefined ? undefined : layout.columns[index];
    if (column && index !== undefined) return { field: column.field, fieldNumber: index + 1 };
    const rule = hxlColumnRules.find((candidate) => candidate.role === role);
    return { field: rule ? formatPattern(rule.pattern) : role };
  };
  const fail = (role: HxlRole, code: string, message: string, value?: string) => {
    errors.push({
      code,
      severity: 'error',
      message,
      ...columnOf(role),
      ...(value !== undefined ? { value } : {}),
    });
  };

  const recordId = take('id');
  if (recordId === undefined)
    fail('id', 'constraint-error', 'the event code (#event+code) is empty');

  let date: EventDate | undefined;
  const occurred = take('dateOccurred');
  if (occurred !== undefined) {
    const day = parseHxlDate(occurred);
    if (day) date = { start: day, end: day, precision: 'day' };
    else
      fail(
        'dateOccurred',
        'type-error',
        `"${occurred}" is not a date (YYYY-MM-DD or D Month YYYY)`,
        occurred,
      );
  } else {
    const startText = take('dateStart');
    const endText = take('dateEnd');
    const start = startText === undefined ? undefined : parseHxlDate(startText);
    const end = endText === undefined ? start : parseHxlDate(endText);
    if (startText === undefined) {
      fail('dateOccurred', 'constraint-error', 'the date (#date+occurred or #date+start) is empty');
    } else if (start === undefined) {
      fail(
        'dateStart',
        'type-error',
        `"${startText}" is not a date (YYYY-MM-DD or D Month YYYY)`,
        startText,
      );
    } else if (end === undefined) {
      fail(
        'dateEnd',
        'type-error',
        `"${endText}" is not a date (YYYY-MM-DD or D Month YYYY)`,
        endText,
      );
    } else if (end < start) {
      fail('dateEnd', 'constraint-error', `the end date ${end} is before the start ${start}`, end);
    } else date = { start, end, precision: precisionOfSpan(start, end) };
  }

  // HDX's ACLED extracts carry ACLED's own labels; the labels stay in unmapped (not taken).
  const type: EventType = {};
  const eventType = cell('eventType');
  const subEventType = cell('subEventType');
  if (eventType !== '') {
    const row = mapAcledEventType(eventType, subEventType === '' ? undefined : subEventType);
    if (row?.category) type.category = row.category;
    if (row?.subType) type.subType = row.subType;
    if (!row) {
      warnings.push({
        code: 'unknown-code',
        severity: 'warning',
        message: `"${subEventType === '' ? eventType : `${eventType}: ${subEventType}`}" is not an ACLED event type; the labels are kept in provenance.unmapped`,
        ...columnOf(subEventType === '' ? 'eventType' : 'subEventType'),
        value: subEventType === '' ? eventType : subEventType,
      });
    }
  }

  // HXL names the parties but says nothing of what they are, hence kind `unidentified`.
  const actors: Actor[] = [];
  const sideA = take('actorA');
  if (sideA) actors.push({ name: sideA, side: 'a', role: 'primary', kind: 'unidentified' });
  const sideB = take('actorB');
  if (sideB) actors.push({ name: sideB, side: 'b', role: 'primary', kind: 'unidentified' });

  const coordinate = (role: 'lat' | 'lon', limit: number): number | undefined => {
    const text = cell(role);
    if (text === '') return undefined;
    const value = Number(text);
    if (!decimal.test(text) || !Number.isFinite(value)) {
      fail(role, 'type-error', `"${text}" is not a number`, text);
      return undefined;
    }
    if (Math.abs(value) > limit) {
      fail(role, 'constraint-error', `${text} is outside -${limit}…${limit}`, text);
      return undefined;
    }
    return value;
  };
  const lat = coordinate('lat', 90);
  const lon = coordinate('lon', 180);
  const location: Location = { precision: 'unknown' };
  const countryCode = cell('countryCode');
  if (/^[A-Za-z]{3}$/.test(countryCode)) {
    location.country = countryCode.toUpperCase();
    take('countryCode');
  } else if (countryCode !== '') {
    warnings.push({
      code: 'unknown-code',
      severity: 'warning',
      message: `"${countryCode}" is not an ISO 3166-1 alpha-3 code; it is kept in provenance.unmapped`,
      ...columnOf('countryCode'),
      value: countryCode,
    });
  }
  const countryName = take('countryName');
  if (countryName) location.countryName = countryName;
  const admin1 = take('admin1');
  if (admin1) location.admin1 = admin1;
  const admin2 = take('admin2');
  if (admin2) location.admin2 = admin2;
  const place = take('place');
  if (place) location.place = place;
  if (lat !== undefined && lon !== undefined) {
    location.point = { lat, lon };
    take('lat');
    take('lon');
  } else if (lat !== undefined || lon !== undefined) {
    warnings.push({
      code: 'constraint-error',
      severity: 'warning',
      message:
        'only one of latitude and longitude is given; no point is set and the value is kept in provenance.unmapped',
      ...columnOf(lat === undefined ? 'lat' : 'lon'),
    });
  }
  // HXL has no precision column: the finest level the row names stands for it.
  if (location.point && location.place) location.precision = 'place';
  else if (location.admin2) location.precision = 'admin2';
  else if (location.admin1) location.precision = 'admin1';
  else if (location.country || location.countryName) location.precision = 'country';

  const fatalitiesText = cell('fatalities');
  let fatalities: ConflictEvent['fatalities'] = { known: false };
  if (fatalitiesText !== '') {
    if (/^\d+$/.test(fatalitiesText)) {
      fatalities = { known: true, best: Number(fatalitiesText) };
      take('fatalities');
    } else {
      fail(
        'fatalities',
        'type-error',
        `"${fatalitiesText}" is not a whole number of deaths`,
        fatalitiesText,
      );
    }
  }

  const sources: Source[] = (take('sources') ?? '')
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => ({ name, kind: 'other' }));
  const notes = take('notes');

  if (errors.length > 0 || recordId === undefined || date === undefined) {
    return { errors, warnings };
  }

  // Built from entries, so that a column named "__proto__" becomes a key the schema refuses
  // with an issue rather than an assignment that silently does nothing.
  const unmapped: Record<string, string> = Object.fromEntries(
    layout.columns.flatMap((column, index) => {
      const value = cells[index] ?? '';
      return !used.has(index) && value.trim() !== '' ? [[column.key, value]] : [];
    }),
  );
  const candidate: ConflictEvent = {
    id: `hxl:${recordId}`,
    date,
    location,
    type,
    actors,
    fatalities,
    sources,
    ...(notes !== undefined ? { notes } : {}),
    provenance: {
      dataset,
      layout: 'hxl',
      recordId,
      ...(Object.keys(unmapped).length > 0 ? { unmapped } : {}),
    },
  };
  return { candidate, errors, warnings };
}
