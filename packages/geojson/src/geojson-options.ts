// The GeoJSON format's options and their frozen defaults.
import type { FeatureReadOptions, FeatureWriteOptions } from './feature-options.ts';

/** Options of the GeoJSON reader, next to `CommonReadOptions`. */
export type GeoJsonReadOptions = FeatureReadOptions;

/** Options of the GeoJSON (FeatureCollection) writer, next to `CommonWriteOptions`. */
export type GeoJsonWriteOptions = FeatureWriteOptions;

export const defaultGeoJsonReadOptions: Readonly<GeoJsonReadOptions> = Object.freeze({
  encoding: 'utf-8',
  maxDepth: 256,
});

export const defaultGeoJsonWriteOptions: Readonly<GeoJsonWriteOptions> = Object.freeze({
  flat: false,
  coordinatePrecision: 6,
  bbox: false,
});
