// The GeoParquet 1.1 file metadata (the `geo` key of the Parquet footer), written for our
// files and read from any file. Spec: https://geoparquet.org/releases/v1.1.0/
import { bboxColumn, bboxFields, geometryColumn } from './parquet-columns.ts';

export const geoMetadataKey = 'geo';
export const geoParquetVersion = '1.1.0';

/** Bounds of the points written so far: [minx, miny, maxx, maxy], or none yet. */
export class PointBounds {
  private box: [number, number, number, number] | undefined;

  add(lon: number, lat: number): void {
    const box = this.box;
    if (!box) {
      this.box = [lon, lat, lon, lat];
      return;
    }
    if (lon < box[0]) box[0] = lon;
    if (lat < box[1]) box[1] = lat;
    if (lon > box[2]) box[2] = lon;
    if (lat > box[3]) box[3] = lat;
  }

  get bbox(): readonly [number, number, number, number] | undefined {
    return this.box;
  }
}

/**
 * The `geo` value for one of our files. The CRS is left out, which GeoParquet reads as
 * OGC:CRS84 (WGS84, longitude first): the model's points are WGS84. The bbox is left out
 * when the file has no point.
 */
export function geoMetadataText(bounds: PointBounds): string {
  const covering = Object.fromEntries(bboxFields.map((field) => [field, [bboxColumn, field]]));
  const bbox = bounds.bbox;
  return JSON.stringify({
    version: geoParquetVersion,
    primary_column: geometryColumn,
    columns: {
      [geometryColumn]: {
        encoding: 'WKB',
        geometry_types: ['Point'],
        ...(bbox ? { bbox: [...bbox] } : {}),
        covering: { bbox: covering },
      },
    },
  });
}

/** What a reader needs from a file's `geo` metadata. */
export interface GeoColumns {
  /** The primary geometry column, when the file declares one in WKB. */
  primary?: string;
  /** Every geometry column and covering column: not model data, so not `unmapped`. */
  spatial: ReadonlySet<string>;
  /** Why the primary column's points cannot be taken as WGS84 longitude and latitude. */
  crsProblem?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// GeoParquet orders coordinates x, y whatever the CRS says, so these geographic CRSs all give
// longitude then latitude.
function isWgs84(crs: unknown): boolean {
  if (crs === undefined) return true;
  if (!isRecord(crs) || !isRecord(crs.id)) return false;
  const { authority, code } = crs.id;
  return (
    (authority === 'OGC' && code === 'CRS84') ||
    (authority === 'EPSG' && (code === 4326 || code === '4326'))
  );
}

/**
 * Reads the `geo` metadata. A value that is not JSON, or not the GeoParquet shape, gives
 * no geometry column and the reason.
 */
export function readGeoMetadata(text: string | undefined): GeoColumns & { problem?: string } {
  if (text === undefined) return { spatial: new Set() };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { spatial: new Set(), problem: 'the "geo" metadata is not JSON' };
  }
  if (!isRecord(value) || !isRecord(value.columns)) {
    return { spatial: new Set(), problem: 'the "geo" metadata has no "columns" object' };
  }
  const spatial = new Set<string>();
  for (const [name, column] of Object.entries(value.columns)) {
    spatial.add(name);
    if (!isRecord(column) || !isRecord(column.covering)) continue;
    for (const path of Object.values(column.covering)) {
      if (!isRecord(path)) continue;
      for (const fieldPath of Object.values(path)) {
        if (Array.isArray(fieldPath) && typeof fieldPath[0] === 'string') spatial.add(fieldPath[0]);
      }
    }
  }
  const primaryName = value.primary_column;
  const primary = typeof primaryName === 'string' ? value.columns[primaryName] : undefined;
  if (typeof primaryName !== 'string' || !isRecord(primary)) return { spatial };
  if (primary.encoding !== 'WKB') {
    return { spatial, problem: `geometry encoding ${String(primary.encoding)} is not WKB` };
  }
  const result: GeoColumns = { primary: primaryName, spatial };
  if (!isWgs84(primary.crs)) {
    result.crsProblem =
      primary.crs === null
        ? 'the geometry CRS is unknown (null)'
        : 'the geometry CRS is not WGS84 (OGC:CRS84 or EPSG:4326)';
  }
  return result;
}
