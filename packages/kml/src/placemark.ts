// One event as one KML Placemark. Element order follows the KML 2.2 schema (OGC 07-147r2):
// name, description, TimeSpan, styleUrl, ExtendedData, then the geometry.
import type { ConflictEvent } from '@conflict-events/schema';
import type { FolderEntry } from './category-folders.ts';
import { eventDescription, eventName } from './describe-event.ts';
import { extendedDataXml } from './extended-data.ts';
import { decimalText } from './number-text.ts';
import { cdataSection, escapeXml } from './xml-text.ts';

/**
 * A TimeSpan even for one day: KML's TimeStamp is an instant, and an event coded to the day
 * (or week, month, …) took place somewhere in a period. Dates are written as `xs:date`, which
 * KML allows; begin = end means the whole of that day.
 */
function timeSpanXml(event: ConflictEvent): string {
  return `<TimeSpan><begin>${escapeXml(event.date.start)}</begin><end>${escapeXml(event.date.end)}</end></TimeSpan>`;
}

/**
 * An event without a point keeps its Placemark with no geometry (valid KML: Geometry is
 * optional): it is listed, timed and described, but not drawn, and no place is invented.
 */
function pointXml(event: ConflictEvent): string {
  const point = event.location.point;
  if (!point) return '';
  // KML writes longitude first.
  return `<Point><coordinates>${decimalText(point.lon)},${decimalText(point.lat)}</coordinates></Point>\n`;
}

/** The Placemark of an event, styled after its folder's category. */
export function placemarkXml(event: ConflictEvent, folder: FolderEntry): string {
  // One element a line, so that the file reads (and diffs) by element.
  return (
    '<Placemark>\n' +
    `<name>${escapeXml(eventName(event))}</name>\n` +
    `<description>${cdataSection(eventDescription(event))}</description>\n` +
    `${timeSpanXml(event)}\n` +
    `<styleUrl>#${folder.styleId}</styleUrl>\n` +
    extendedDataXml(event) +
    pointXml(event) +
    '</Placemark>\n'
  );
}
