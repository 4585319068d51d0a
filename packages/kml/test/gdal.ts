// GDAL as the independent KML client: `ogrinfo` for layers and feature counts, `ogr2ogr` to
// GeoJSON for the values it reads. Its LIBKML driver (the one GDAL picks when both are
// built) reads Placemarks without geometry and ExtendedData; the older KML driver is used by
// skipping LIBKML, and reads only Placemarks with a geometry.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type KmlDriver = 'LIBKML' | 'KML';

export const hasGdal = ['/usr/bin', '/usr/local/bin', ...(process.env.PATH ?? '').split(':')].some(
  (directory) => directory !== '' && existsSync(join(directory, 'ogrinfo')),
);

function driverConfig(driver: KmlDriver): string[] {
  return driver === 'KML' ? ['--config', 'GDAL_SKIP', 'LIBKML'] : [];
}

/** Runs `fn` on a temporary file holding the text, and removes it after. */
export function withKmlFile<T>(text: string, fn: (path: string) => T): T {
  const directory = mkdtempSync(join(tmpdir(), 'conflict-events-kml-'));
  try {
    const path = join(directory, 'events.kml');
    writeFileSync(path, text);
    return fn(path);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export interface LayerSummary {
  name: string;
  features: number;
}

/** `ogrinfo -ro -al -so`: the driver GDAL used and each layer's name and feature count. */
export function ogrSummary(
  path: string,
  driver: KmlDriver,
): { driver: string; layers: LayerSummary[] } {
  const output = execFileSync('ogrinfo', [...driverConfig(driver), '-ro', '-al', '-so', path], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const used = /using driver `([^']+)'/.exec(output)?.[1] ?? '';
  const layers: LayerSummary[] = [];
  for (const match of output.matchAll(/^Layer name: (.*)\n(?:.*\n)*?Feature Count: (\d+)$/gm)) {
    layers.push({ name: match[1] ?? '', features: Number(match[2]) });
  }
  return { driver: used, layers };
}

export interface GdalFeature {
  layer: string;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: number[] } | null;
}

/**
 * Every feature of the given layers as GDAL reads it, through `ogr2ogr -f GeoJSON`; with no
 * layers named, the document's only layer.
 */
export function ogrFeatures(
  path: string,
  driver: KmlDriver,
  layers: readonly (string | undefined)[] = [undefined],
): GdalFeature[] {
  return layers.flatMap((layer) => {
    const output = execFileSync(
      'ogr2ogr',
      [
        ...driverConfig(driver),
        '-f',
        'GeoJSON',
        '/vsistdout/',
        path,
        ...(layer === undefined ? [] : [layer]),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 2 ** 20 },
    );
    const collection = JSON.parse(output) as { features: Omit<GdalFeature, 'layer'>[] };
    return collection.features.map((feature) => ({ ...feature, layer: layer ?? '' }));
  });
}
