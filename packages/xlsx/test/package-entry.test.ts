import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as entry from '../src/index.ts';

const source = new URL('../src/', import.meta.url);

describe('the package entry', () => {
  it('exports the format, its option defaults, its limits and its error, no internals', () => {
    expect(Object.keys(entry).sort()).toEqual([
      'XlsxLimitError',
      'defaultXlsxReadOptions',
      'defaultXlsxWriteOptions',
      'excelMaxCellLength',
      'excelMaxRows',
      'xlsxFormat',
    ]);
  });

  it('gives the format its frozen option defaults', () => {
    expect(entry.xlsxFormat.defaultWriteOptions).toBe(entry.defaultXlsxWriteOptions);
    expect(Object.isFrozen(entry.defaultXlsxWriteOptions)).toBe(true);
    expect(entry.defaultXlsxWriteOptions).toEqual({
      neutraliseFormulas: true,
      maxRowsPerSheet: 1_048_576,
      compressionLevel: 6,
    });
  });

  it('imports only the core (with the canonical columns), the schema and fflate: nothing Node-only', () => {
    const allowed = new Set(['@conflict-events/io', '@conflict-events/schema', 'fflate']);
    for (const file of readdirSync(source)) {
      const text = readFileSync(new URL(file, source), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:from |import\()'([^']+)'/g)) {
        if (specifier === undefined || specifier.startsWith('./')) continue;
        expect(allowed, `${file} imports ${specifier}`).toContain(specifier);
      }
    }
  });
});
