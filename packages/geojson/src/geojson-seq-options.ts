// The GeoJSONSeq format's options and their frozen defaults.
import type { FeatureReadOptions, FeatureWriteOptions } from './feature-options.ts';

/** Options of the GeoJSONSeq reader, next to `CommonReadOptions`. */
export type GeoJsonSeqReadOptions = FeatureReadOptions;

/** Options of the GeoJSONSeq writer. Dataset metadata has no place in a sequence and is not written. */
export interface GeoJsonSeqWriteOptions extends FeatureWriteOptions {
  /**
   * Start each feature with the record separator (0x1E) of RFC 8142; false writes one
   * feature a line with no separator (the newline-delimited variant, `.geojsonl`). Default true.
   */
  rs: boolean;
}

export const defaultGeoJsonSeqReadOptions: Readonly<GeoJsonSeqReadOptions> = Object.freeze({
  encoding: 'utf-8',
  maxDepth: 256,
});

export const defaultGeoJsonSeqWriteOptions: Readonly<GeoJsonSeqWriteOptions> = Object.freeze({
  flat: false,
  coordinatePrecision: 6,
  bbox: false,
  rs: true,
});
