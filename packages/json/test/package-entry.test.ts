import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as entry from '../src/index.ts';

const source = new URL('../src/', import.meta.url);

describe('the package entry', () => {
  it('exports the two formats and their option defaults, no internals', () => {
    expect(Object.keys(entry).sort()).toEqual([
      'defaultJsonDatasetReadOptions',
      'defaultJsonDatasetWriteOptions',
      'defaultNdjsonReadOptions',
      'defaultNdjsonWriteOptions',
      'jsonDatasetFormat',
      'ndjsonFormat',
    ]);
  });

  it('gives each format its option defaults', () => {
    expect(entry.ndjsonFormat.defaultReadOptions).toBe(entry.defaultNdjsonReadOptions);
    expect(entry.jsonDatasetFormat.defaultWriteOptions).toBe(entry.defaultJsonDatasetWriteOptions);
  });

  it('imports only the core, the schema and the streaming parser', () => {
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
});
