// The GeoJSON format's identity (id, extensions, media type, sniff) with its reader and
// writer; the streaming parser behind the reader is loaded on first read.
import type { Batch, CommonReadOptions, Format } from '@conflict-events/io';
import {
  defaultGeoJsonReadOptions,
  defaultGeoJsonWriteOptions,
  type GeoJsonReadOptions,
  type GeoJsonWriteOptions,
} from './geojson-options.ts';
import { sniffGeoJsonShape } from './sniff-geojson.ts';
import { writeGeoJson } from './write-geojson.ts';

/** GeoJSON (RFC 7946): a FeatureCollection of Point features, one an event, or a single Feature. */
export const geojsonFormat = {
  id: 'geojson',
  name: 'GeoJSON',
  extensions: ['geojson'],
  mediaTypes: ['application/geo+json'],
  capabilities: { read: true, write: true, lossless: true },
  rejectsLayout: 'json-array',
  sniff: (firstBytes: Uint8Array) => {
    const shape = sniffGeoJsonShape(firstBytes);
    return shape === 'collection' || shape === 'feature';
  },
  defaultReadOptions: defaultGeoJsonReadOptions,
  defaultWriteOptions: defaultGeoJsonWriteOptions,
  async *read(
    bytes: AsyncIterable<Uint8Array>,
    options?: Partial<GeoJsonReadOptions> & CommonReadOptions,
  ): AsyncIterable<Batch> {
    // Loaded on first read, so detecting formats or writing does not load the streaming parser.
    const { readGeoJson } = await import('./read-geojson.ts');
    yield* readGeoJson(bytes, options);
  },
  write: writeGeoJson,
} as const satisfies Format<GeoJsonReadOptions, GeoJsonWriteOptions>;
