// RFC 7946 dropped the `crs` member: coordinates are always WGS84 longitude, latitude.
// Files from older tools (GDAL, QGIS, PostGIS before it) still carry one. A `crs` naming
// WGS84 is accepted; any other means coordinates in other units (metres of a projection),
// which would give wrong points, so the features it covers are refused.
import { isJsonObject } from '@conflict-events/io';

// The names the 2008 GeoJSON specification and GDAL use for WGS84. EPSG:4326 formally has
// latitude first, but GeoJSON files naming it have always put longitude first (GDAL reads
// and writes them so), and so are read here.
const wgs84Names = new Set([
  'urn:ogc:def:crs:ogc:1.3:crs84',
  'urn:ogc:def:crs:ogc::crs84',
  'http://www.opengis.net/def/crs/ogc/1.3/crs84',
  'https://www.opengis.net/def/crs/ogc/1.3/crs84',
  'crs:84',
  'epsg:4326',
  'urn:ogc:def:crs:epsg::4326',
  'http://www.opengis.net/def/crs/epsg/0/4326',
  'https://www.opengis.net/def/crs/epsg/0/4326',
]);

function describe(crs: unknown): string {
  const text = JSON.stringify(crs) ?? String(crs);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/**
 * Why a `crs` member rules its coordinates out, or undefined when they are WGS84
 * longitude, latitude (a WGS84 name, or `null`, which the 2008 specification used for
 * "no crs given").
 */
export function crsProblem(crs: unknown): string | undefined {
  if (crs === null) return undefined;
  if (isJsonObject(crs) && isJsonObject(crs.properties)) {
    const { name, code } = crs.properties;
    if (crs.type === 'name' && typeof name === 'string') {
      if (wgs84Names.has(name.trim().toLowerCase())) return undefined;
    } else if (crs.type === 'EPSG' && (code === 4326 || code === '4326')) return undefined;
  }
  return `the crs ${describe(crs)} is not WGS84 longitude/latitude, so its coordinates cannot be read as points (reproject first, e.g. ogr2ogr -t_srs EPSG:4326)`;
}
