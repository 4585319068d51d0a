// The identity of the KML format, shared by its sniffing and its writer.
import type { Format } from '@conflict-events/io';
import {
  defaultKmlReadOptions,
  defaultKmlWriteOptions,
  type KmlReadOptions,
  type KmlWriteOptions,
} from './kml-options.ts';
import { sniffKml } from './sniff-kml.ts';
import { writeKml } from './write-kml.ts';

/**
 * KML 2.2 for Google Earth and GIS tools: a Placemark per event with TimeSpan, ExtendedData
 * and a Style per category. Written only, and lossy: it is a map of the events, not a store.
 */
export const kmlFormat = {
  id: 'kml',
  name: 'KML',
  extensions: ['kml'],
  mediaTypes: ['application/vnd.google-earth.kml+xml'],
  capabilities: { read: false, write: true, lossless: false },
  // Nothing is read, so nothing is rejected; the field is required of every format.
  rejectsLayout: 'lines',
  sniff: sniffKml,
  defaultReadOptions: defaultKmlReadOptions,
  defaultWriteOptions: defaultKmlWriteOptions,
  write: writeKml,
} as const satisfies Format<KmlReadOptions, KmlWriteOptions>;
