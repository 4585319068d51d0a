import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvColumns } from '../../io/src/canonical-columns.ts';
import { extendedDataNames } from '../src/extended-data.ts';
import * as entry from '../src/index.ts';

const source = new URL('../src/', import.meta.url);

describe('the package entry', () => {
  it('exports the format and its option defaults, no internals', () => {
    expect(Object.keys(entry).sort()).toEqual([
      'defaultKmlReadOptions',
      'defaultKmlWriteOptions',
      'kmlFormat',
    ]);
    expect(entry.kmlFormat.defaultWriteOptions).toBe(entry.defaultKmlWriteOptions);
    expect(entry.kmlFormat.defaultReadOptions).toBe(entry.defaultKmlReadOptions);
    expect(Object.isFrozen(entry.defaultKmlWriteOptions)).toBe(true);
  });

  it('is identified as KML, written only and lossy', () => {
    expect(entry.kmlFormat).toMatchObject({
      id: 'kml',
      extensions: ['kml'],
      mediaTypes: ['application/vnd.google-earth.kml+xml'],
      capabilities: { read: false, write: true, lossless: false },
    });
    expect('read' in entry.kmlFormat).toBe(false);
  });

  it('imports only the core and the schema, and nothing of Node', () => {
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

describe('the ExtendedData names', () => {
  it('are canonical CSV column names, but for the joined lists of names', () => {
    const columns = new Set(csvColumns.map((column) => column.name));
    const ownNames = ['actors_side_a', 'actors_side_b', 'source_names'];
    expect(extendedDataNames.filter((name) => !columns.has(name))).toEqual(ownNames);
  });
});
