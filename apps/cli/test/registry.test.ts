import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formats, outputFormatFor, registry } from '../src/registry.ts';
import { repoRoot } from './run-cli.ts';

const packagesDirectory = join(repoRoot, 'packages');
// The model and the engine carry no format of their own.
const notFormatPackages = new Set(['@conflict-events/schema', '@conflict-events/io']);

function isFormat(value: unknown): value is { id: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string' &&
    Array.isArray((value as { extensions?: unknown }).extensions) &&
    typeof (value as { sniff?: unknown }).sniff === 'function'
  );
}

describe('the format registry', () => {
  const packages = readdirSync(packagesDirectory)
    .map((directory) => {
      const manifest = JSON.parse(
        readFileSync(join(packagesDirectory, directory, 'package.json'), 'utf8'),
      ) as { name: string };
      return { directory, name: manifest.name };
    })
    .filter(({ name }) => !notFormatPackages.has(name));

  it('finds the format packages', () => {
    expect(packages.length).toBeGreaterThanOrEqual(6);
  });

  it.each(packages)('registers every format $name exports', async ({ directory }) => {
    const entry = pathToFileURL(join(packagesDirectory, directory, 'src', 'index.ts')).href;
    const exported = Object.values((await import(entry)) as Record<string, unknown>).filter(
      isFormat,
    );
    expect(exported.length).toBeGreaterThan(0);
    for (const format of exported) expect(registry.get(format.id).id).toBe(format.id);
  });

  it('has unique ids and keeps the generic HXL reader as a fallback', () => {
    expect(new Set(formats.map((format) => format.id)).size).toBe(formats.length);
    expect(registry.get('hxl').fallback).toBe(true);
  });

  it('picks the canonical writer for a plain .csv or .json output', () => {
    expect(outputFormatFor('out.csv').id).toBe('csv');
    expect(outputFormatFor('out.json').id).toBe('json');
    expect(outputFormatFor('out.ndjson').id).toBe('ndjson');
    expect(outputFormatFor('out.geojson').id).toBe('geojson');
    expect(outputFormatFor('out.geojsonl').id).toBe('geojsonseq');
    expect(outputFormatFor('out.kml').id).toBe('kml');
    expect(outputFormatFor('out.xlsx').id).toBe('xlsx');
    expect(() => outputFormatFor('out.xyz')).toThrow(/no format writes/);
  });
});
