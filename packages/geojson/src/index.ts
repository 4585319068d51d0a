// The public entry: the GeoJSON and GeoJSONSeq formats, their options and defaults.

export {
  type FeatureReadOptions,
  type FeatureWriteOptions,
  metadataMember,
} from './feature-options.ts';
export { geojsonFormat } from './geojson-format.ts';
export {
  defaultGeoJsonReadOptions,
  defaultGeoJsonWriteOptions,
  type GeoJsonReadOptions,
  type GeoJsonWriteOptions,
} from './geojson-options.ts';
export { geojsonSeqFormat } from './geojson-seq-format.ts';
export {
  defaultGeoJsonSeqReadOptions,
  defaultGeoJsonSeqWriteOptions,
  type GeoJsonSeqReadOptions,
  type GeoJsonSeqWriteOptions,
} from './geojson-seq-options.ts';
