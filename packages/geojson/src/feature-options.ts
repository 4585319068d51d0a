// The options both GeoJSON formats share: how features are read, and how events become
// features. Each format's own options file adds what only it has.

/** Options of the GeoJSON and GeoJSONSeq readers, next to `CommonReadOptions`. */
export interface FeatureReadOptions {
  /** Text encoding of the input; a byte-order mark overrides it. Default `utf-8` (RFC 7946 asks for UTF-8). */
  encoding: string;
  /** Deepest nesting of arrays and objects one feature may have; deeper features are rejected. Default 256. */
  maxDepth: number;
}

/** How the GeoJSON and GeoJSONSeq writers lay an event out as a Feature. */
export interface FeatureWriteOptions {
  /**
   * Properties as the canonical CSV columns (typed values, lists and records as JSON text,
   * absent fields `null`) instead of the event as one nested object. Default false.
   */
  flat: boolean;
  /** Decimals kept in geometry coordinates (0–17); properties keep the exact point. Default 6. */
  coordinatePrecision: number;
  /** Give each feature with a point a `bbox` member (and a collection its overall `bbox`). Default false. */
  bbox: boolean;
}

/** The name of the FeatureCollection foreign member that carries the dataset metadata. */
export const metadataMember = 'conflictEvents';
