// The public entry: the KML format and its options.

export { kmlFormat } from './kml-format.ts';
export {
  defaultKmlReadOptions,
  defaultKmlWriteOptions,
  type KmlFolders,
  type KmlReadOptions,
  type KmlWriteOptions,
} from './kml-options.ts';
