// The map source's data as GeoJSON text, made in the loading worker. Handing MapLibre a
// URL of this text (a Blob) instead of objects spares the page a structured clone of every
// feature, which took seconds for 100 000 events; MapLibre's own worker parses the text.
import { type EventTable, noCode, unknownFatalities } from '../data/event-table.ts';
import type { EventPointProperties } from './event-layers.ts';
import { ringPixelsAtZoomZero } from './precision-rings.ts';

const precisePlaceIndex = 0;

/** The text of each event's point feature, or '' for an event without a point. */
export function eventFeatureTexts(table: EventTable): string[] {
  const texts: string[] = new Array(table.count);
  for (let index = 0; index < table.count; index++) {
    const lon = table.lon[index] ?? Number.NaN;
    const lat = table.lat[index] ?? Number.NaN;
    if (Number.isNaN(lon) || Number.isNaN(lat)) {
      texts[index] = '';
      continue;
    }
    const precision = table.locationPrecision[index] ?? precisePlaceIndex;
    const properties: EventPointProperties = {
      i: index,
      c: table.category[index] ?? noCode,
      f: table.fatalities[index] ?? unknownFatalities,
      p: precision === precisePlaceIndex ? 1 : 0,
      r: Number(ringPixelsAtZoomZero(precision, lat).toPrecision(6)),
    };
    texts[index] =
      `{"type":"Feature","geometry":{"type":"Point","coordinates":[${lon},${lat}]},"properties":${JSON.stringify(properties)}}`;
  }
  return texts;
}

/** A FeatureCollection of the events where `passes` is 1 and that have a point. */
export function featureCollectionText(texts: readonly string[], passes: Uint8Array): string {
  const selected: string[] = [];
  for (let index = 0; index < texts.length; index++) {
    const text = texts[index];
    if (passes[index] === 1 && text) selected.push(text);
  }
  return `{"type":"FeatureCollection","features":[${selected.join(',')}]}`;
}
