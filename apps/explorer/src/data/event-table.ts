// The explorer's in-memory index of a loaded file: one typed array per field the filters,
// the timeline and the map read, built in the worker and transferred to the page without
// copying. The full events stay in the worker and are fetched one at a time for the panel.
import {
  type ConflictEvent,
  datePrecisions,
  eventCategories,
  eventSubTypes,
  locationPrecisions,
} from '@conflict-events/schema';
import { dayFromIso } from './days.ts';

/** Marks "no value" in the small-integer code columns. */
export const noCode = 255;
/** Marks an unknown toll in the fatalities column: unknown is not zero. */
export const unknownFatalities = -1;

export interface EventTable {
  count: number;
  /** Event ids, in input order. */
  ids: string[];
  /** What to call the place in a list: place, admin area, country or description. */
  places: string[];
  /** WGS84 longitude and latitude; NaN when the event has no point. */
  lon: Float64Array;
  lat: Float64Array;
  /** First and last possible day (days since 1970-01-01). */
  startDay: Int32Array;
  endDay: Int32Array;
  /** Index in `datePrecisions`. */
  datePrecision: Uint8Array;
  /** Index in `locationPrecisions`. */
  locationPrecision: Uint8Array;
  /** Index in `eventCategories`, or `noCode`. */
  category: Uint8Array;
  /** Index in `eventSubTypes`, or `noCode`. */
  subType: Uint8Array;
  /** Index in `countries`. */
  country: Uint16Array;
  /** Country codes as in the file ("none" for international waters, "" when absent). */
  countries: string[];
  /** A name per country code, where the file gives one. */
  countryNames: string[];
  /** Best fatality estimate, or `unknownFatalities`. */
  fatalities: Int32Array;
  /** Actors of event i are `actorNameIds[actorOffsets[i] .. actorOffsets[i + 1]]`. */
  actorOffsets: Uint32Array;
  actorNameIds: Uint32Array;
  actorNames: string[];
}

/** The typed arrays of a table, for `postMessage(table, transferList)`. */
export function transferListOf(table: EventTable): ArrayBuffer[] {
  return [
    table.lon,
    table.lat,
    table.startDay,
    table.endDay,
    table.datePrecision,
    table.locationPrecision,
    table.category,
    table.subType,
    table.country,
    table.fatalities,
    table.actorOffsets,
    table.actorNameIds,
  ].map((array) => array.buffer as ArrayBuffer);
}

function indexer<Value extends string>(values: readonly Value[]): Map<string, number> {
  return new Map(values.map((value, index) => [value, index]));
}

const datePrecisionIndex = indexer(datePrecisions);
const locationPrecisionIndex = indexer(locationPrecisions);
const categoryIndex = indexer(eventCategories);
const subTypeIndex = indexer(eventSubTypes);

type GrowableArray = Float64Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

function grow<Array extends GrowableArray>(array: Array, length: number): Array {
  if (length <= array.length) return array;
  const next = new (array.constructor as new (size: number) => Array)(
    Math.max(length, array.length * 2),
  );
  next.set(array);
  return next;
}

function placeOf(event: ConflictEvent): string {
  const location = event.location;
  return (
    location.place ??
    location.admin2 ??
    location.admin1 ??
    location.description ??
    location.countryName ??
    location.country ??
    ''
  );
}

/** Builds a table one event at a time; arrays grow by doubling, so appends are cheap. */
export class EventTableBuilder {
  private count = 0;
  private actorCount = 0;
  private ids: string[] = [];
  private places: string[] = [];
  private lon = new Float64Array(1024);
  private lat = new Float64Array(1024);
  private startDay = new Int32Array(1024);
  private endDay = new Int32Array(1024);
  private datePrecision = new Uint8Array(1024);
  private locationPrecision = new Uint8Array(1024);
  private category = new Uint8Array(1024);
  private subType = new Uint8Array(1024);
  private country = new Uint16Array(1024);
  private fatalities = new Int32Array(1024);
  private actorOffsets = new Uint32Array(1025);
  private actorNameIds = new Uint32Array(2048);
  private readonly countryIndex = new Map<string, number>();
  private readonly countries: string[] = [];
  private readonly countryNames: string[] = [];
  private readonly actorIndex = new Map<string, number>();
  private readonly actorNames: string[] = [];

  get size(): number {
    return this.count;
  }

  add(event: ConflictEvent): number {
    const index = this.count;
    const next = index + 1;
    this.lon = grow(this.lon, next);
    this.lat = grow(this.lat, next);
    this.startDay = grow(this.startDay, next);
    this.endDay = grow(this.endDay, next);
    this.datePrecision = grow(this.datePrecision, next);
    this.locationPrecision = grow(this.locationPrecision, next);
    this.category = grow(this.category, next);
    this.subType = grow(this.subType, next);
    this.country = grow(this.country, next);
    this.fatalities = grow(this.fatalities, next);
    this.actorOffsets = grow(this.actorOffsets, next + 1);

    this.ids.push(event.id);
    this.places.push(placeOf(event));
    const point = event.location.point;
    this.lon[index] = point ? point.lon : Number.NaN;
    this.lat[index] = point ? point.lat : Number.NaN;
    // The reader has checked the shape, so both dates parse; the fallback keeps a bad day
    // out of the timeline's range rather than at 1970.
    const start = dayFromIso(event.date.start) ?? 0;
    this.startDay[index] = start;
    this.endDay[index] = dayFromIso(event.date.end) ?? start;
    this.datePrecision[index] = datePrecisionIndex.get(event.date.precision) ?? noCode;
    this.locationPrecision[index] = locationPrecisionIndex.get(event.location.precision) ?? noCode;
    this.category[index] = categoryIndex.get(event.type.category ?? '') ?? noCode;
    this.subType[index] = subTypeIndex.get(event.type.subType ?? '') ?? noCode;
    this.country[index] = this.countryCode(
      event.location.country ?? '',
      event.location.countryName,
    );
    this.fatalities[index] = event.fatalities.known ? event.fatalities.best : unknownFatalities;

    this.actorNameIds = grow(this.actorNameIds, this.actorCount + event.actors.length);
    for (const actor of event.actors) {
      this.actorNameIds[this.actorCount] = this.actorName(actor.name);
      this.actorCount += 1;
    }
    this.actorOffsets[index + 1] = this.actorCount;
    this.count = next;
    return index;
  }

  private countryCode(code: string, name: string | undefined): number {
    let index = this.countryIndex.get(code);
    if (index === undefined) {
      index = this.countries.length;
      this.countryIndex.set(code, index);
      this.countries.push(code);
      this.countryNames.push(name ?? '');
    } else if (name !== undefined && this.countryNames[index] === '') {
      this.countryNames[index] = name;
    }
    return index;
  }

  private actorName(name: string): number {
    let index = this.actorIndex.get(name);
    if (index === undefined) {
      index = this.actorNames.length;
      this.actorIndex.set(name, index);
      this.actorNames.push(name);
    }
    return index;
  }

  /** The finished table; its arrays are trimmed copies, so the builder can be dropped. */
  finish(): EventTable {
    const count = this.count;
    return {
      count,
      ids: this.ids,
      places: this.places,
      lon: this.lon.slice(0, count),
      lat: this.lat.slice(0, count),
      startDay: this.startDay.slice(0, count),
      endDay: this.endDay.slice(0, count),
      datePrecision: this.datePrecision.slice(0, count),
      locationPrecision: this.locationPrecision.slice(0, count),
      category: this.category.slice(0, count),
      subType: this.subType.slice(0, count),
      country: this.country.slice(0, count),
      countries: this.countries,
      countryNames: this.countryNames,
      fatalities: this.fatalities.slice(0, count),
      actorOffsets: this.actorOffsets.slice(0, count + 1),
      actorNameIds: this.actorNameIds.slice(0, this.actorCount),
      actorNames: this.actorNames,
    };
  }
}
