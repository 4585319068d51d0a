import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as entry from '../src/index.ts';

const source = new URL('../src/', import.meta.url);

describe('the package entry', () => {
  it('exports the format, its options, layouts, the ISO table and the dataset helpers; no readers', () => {
    expect(Object.keys(entry).sort()).toEqual([
      'acled2016ApiColumns',
      'acled2019Columns',
      'acled2023Columns',
      'acledAttribution',
      'acledFormat',
      'acledLegacyColumns',
      'alpha3FromIsoNumeric',
      'applyDeletions',
      'defaultAcledReadOptions',
      'defaultAcledWriteOptions',
      'deleteFromBatches',
      'isoNumericCodes',
      'isoNumericFromAlpha3',
      'keepNewestVersions',
      'readDeletedEvents',
      'reviewEventTypeTag',
      'upsertEvents',
    ]);
    expect(entry.acledFormat.defaultReadOptions).toBe(entry.defaultAcledReadOptions);
  });

  it('imports only the core and the schema, never another format package', () => {
    const allowed = new Set(['@conflict-events/io', '@conflict-events/schema']);
    for (const file of readdirSync(source)) {
      const text = readFileSync(new URL(file, source), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:from |import\()'([^']+)'/g)) {
        if (specifier === undefined || specifier.startsWith('./')) continue;
        expect(allowed, `${file} imports ${specifier}`).toContain(specifier);
      }
    }
  });
});
