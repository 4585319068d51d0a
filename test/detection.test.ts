// Every format in one registry, as the CLI will hold them: each package's own fixtures must be
// detected as that package's format, by extension and then by sniffing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acledFormat } from '@conflict-events/acled';
import { csvFormat } from '@conflict-events/csv';
import { gdeltFormat } from '@conflict-events/gdelt';
import { hxlFormat } from '@conflict-events/hxl';
import { createRegistry } from '@conflict-events/io';
import { jsonDatasetFormat, ndjsonFormat } from '@conflict-events/json';
import { ucdpFormat } from '@conflict-events/ucdp';
import { describe, expect, test } from 'vitest';

const registry = createRegistry([
  csvFormat,
  ndjsonFormat,
  jsonDatasetFormat,
  acledFormat,
  ucdpFormat,
  gdeltFormat,
  hxlFormat,
]);
const packagesDir = fileURLToPath(new URL('../packages/', import.meta.url));

const expected: Record<string, string> = {
  acled: 'acled',
  ucdp: 'ucdp-ged',
  gdelt: 'gdelt',
  hxl: 'hxl',
};

describe('format detection across every package', () => {
  for (const [name, id] of Object.entries(expected)) {
    const dir = join(packagesDir, name, 'test', 'in');
    // An HDX extract with ACLED's own header and a hashtag row is read by the ACLED reader.
    const byOther: Record<string, string> = { 'hdx-acled-style.csv': 'acled' };
    for (const file of readdirSync(dir).filter(
      (entry) => entry !== 'README.md' && entry !== 'no-hashtag-row.csv',
    )) {
      const want = byOther[file] ?? id;
      test(`${name}/${file} → ${want}`, () => {
        const head = readFileSync(join(dir, file)).subarray(0, 65536);
        expect(registry.detect({ fileName: file, head, can: 'read' }).id).toBe(want);
      });
    }
  }

  test('a CSV of no known layout is a clear error naming the candidates', () => {
    const head = readFileSync(join(packagesDir, 'hxl', 'test', 'in', 'no-hashtag-row.csv'));
    expect(() => registry.detect({ fileName: 'no-hashtag-row.csv', head, can: 'read' })).toThrow(
      /not recognised/,
    );
  });

  test('canonical CSV, with or without HXL tags, is canonical CSV', async () => {
    const { writeAll } = await import('./conformance/format-conformance.ts');
    const { sampleEvent } = await import('../packages/schema/test/arbitraries.ts');
    for (const hxlTags of [false, true]) {
      const head = await writeAll(csvFormat, [sampleEvent()], { hxlTags });
      expect(registry.detect({ fileName: 'events.csv', head, can: 'read' }).id).toBe('csv');
    }
  });

  test('the ACLED reader takes HDX’s hashtag row as part of the header', async () => {
    const { readAll } = await import('./conformance/format-conformance.ts');
    const bytes = readFileSync(join(packagesDir, 'hxl', 'test', 'in', 'hdx-acled-style.csv'));
    const result = await readAll(acledFormat, bytes);
    expect(result.rejected.map((record) => record.position.row)).not.toContain(2);
    expect(result.records).toBe(result.events.length + result.rejected.length);
    expect(result.events.length).toBeGreaterThan(0);
  });
});
