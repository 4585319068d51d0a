// The published shape: what the entry exports, and what the adapter may import.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as entry from '../src/index.ts';

const source = new URL('../src/', import.meta.url);

describe('the package entry', () => {
  it('exports the format, its option defaults, the file reader and the partitioned writer and reader', () => {
    expect(Object.keys(entry).sort()).toEqual([
      'asyncBufferFromBlob',
      'defaultGeoParquetReadOptions',
      'defaultGeoParquetWriteOptions',
      'defaultPartitionedWriteOptions',
      'geoParquetFormat',
      'partitionValuesOf',
      'readGeoParquetFile',
      'readGeoParquetPartitions',
      'writeGeoParquetPartitions',
    ]);
  });

  it('gives the format its frozen option defaults', () => {
    expect(entry.geoParquetFormat.defaultReadOptions).toBe(entry.defaultGeoParquetReadOptions);
    expect(entry.geoParquetFormat.defaultWriteOptions).toBe(entry.defaultGeoParquetWriteOptions);
    expect(Object.isFrozen(entry.defaultPartitionedWriteOptions)).toBe(true);
    expect(Object.isFrozen(entry.defaultPartitionedWriteOptions.partitionBy)).toBe(true);
  });

  it('imports the core, the schema, the canonical columns and the Parquet libraries only, never Node', () => {
    const allowed = new Set([
      '@conflict-events/io',
      '@conflict-events/schema',
      'hyparquet',
      'hyparquet-writer',
      'hyparquet-compressors',
      '@hpcc-js/wasm-zstd',
    ]);
    for (const file of readdirSync(source)) {
      const text = readFileSync(new URL(file, source), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:from |import\()'([^']+)'/g)) {
        if (specifier === undefined || specifier.startsWith('./')) continue;
        expect(allowed, `${file} imports ${specifier}`).toContain(specifier);
      }
    }
  });

  it('loads neither the reader nor the writer to detect a format', () => {
    const format = readFileSync(new URL('geoparquet-format.ts', source), 'utf8');
    const staticImports = [...format.matchAll(/^import [^;]* from '([^']+)';/gm)].map(
      (match) => match[1],
    );
    expect(staticImports).not.toContain('./read-geoparquet-stream.ts');
    expect(staticImports).not.toContain('./write-geoparquet.ts');
    expect(staticImports.some((specifier) => specifier?.startsWith('hyparquet'))).toBe(false);
  });
});
