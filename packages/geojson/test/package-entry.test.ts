// The published surface: what the entry exports, and what the sources may import.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as entry from '../src/index.ts';

const source = new URL('../src/', import.meta.url);

describe('the package entry', () => {
  it('exports the two formats, their option defaults and the metadata member name, no internals', () => {
    expect(Object.keys(entry).sort()).toEqual([
      'defaultGeoJsonReadOptions',
      'defaultGeoJsonSeqReadOptions',
      'defaultGeoJsonSeqWriteOptions',
      'defaultGeoJsonWriteOptions',
      'geojsonFormat',
      'geojsonSeqFormat',
      'metadataMember',
    ]);
    expect(entry.metadataMember).toBe('conflictEvents');
  });

  it('gives each format its frozen option defaults', () => {
    expect(entry.geojsonFormat.defaultReadOptions).toBe(entry.defaultGeoJsonReadOptions);
    expect(entry.geojsonFormat.defaultWriteOptions).toBe(entry.defaultGeoJsonWriteOptions);
    expect(entry.geojsonSeqFormat.defaultReadOptions).toBe(entry.defaultGeoJsonSeqReadOptions);
    expect(entry.geojsonSeqFormat.defaultWriteOptions).toBe(entry.defaultGeoJsonSeqWriteOptions);
    for (const defaults of [
      entry.defaultGeoJsonReadOptions,
      entry.defaultGeoJsonWriteOptions,
      entry.defaultGeoJsonSeqReadOptions,
      entry.defaultGeoJsonSeqWriteOptions,
    ]) {
      expect(Object.isFrozen(defaults)).toBe(true);
    }
  });

  it('imports only the core, the schema, the canonical columns and the streaming parser; nothing of Node', () => {
    const allowed = new Set([
      '@conflict-events/io',
      '@conflict-events/schema',
      '@streamparser/json',
    ]);
    for (const file of readdirSync(source)) {
      const text = readFileSync(new URL(file, source), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:from |import\()'([^']+)'/g)) {
        if (specifier === undefined || specifier.startsWith('./')) continue;
        expect(allowed, `${file} imports ${specifier}`).toContain(specifier);
      }
    }
  });

  it('leaves the streaming parser to the core, which loads it only when a document is read', () => {
    for (const file of readdirSync(source)) {
      const text = readFileSync(new URL(file, source), 'utf8');
      expect(text, file).not.toContain('@streamparser/json');
    }
    const format = readFileSync(new URL('geojson-format.ts', source), 'utf8');
    expect(format).toContain("await import('./read-geojson.ts')");
    expect(format).not.toMatch(/from '\.\/read-geojson\.ts'/);
  });
});
