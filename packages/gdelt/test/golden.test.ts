// Golden files (STYLE.md 9): each synthetic input in test/in/ is read and compared with
// test/out/<name>.json. `REGEN=1 pnpm exec vitest run packages/gdelt/` rewrites the outputs.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { readAll } from '../../../test/conformance/format-conformance.ts';
import { gdeltFormat } from '../src/index.ts';

const inDir = fileURLToPath(new URL('./in/', import.meta.url));
const outDir = fileURLToPath(new URL('./out/', import.meta.url));
const inputs = readdirSync(inDir).filter((name) => name.endsWith('.tsv'));

test('there are golden inputs for every layout', () => {
  expect(inputs.sort()).toEqual(['gdelt1-57.tsv', 'gdelt1-58.tsv', 'gdelt2-61.tsv']);
});

test.each(inputs)('%s reads as recorded in test/out', async (name) => {
  const bytes = readFileSync(`${inDir}${name}`);
  const result = await readAll(gdeltFormat, bytes, 4096, { file: name });
  expect(result.records).toBe(result.events.length + result.rejected.length);
  const text = `${JSON.stringify(result, null, 2)}\n`;
  const out = `${outDir}${name.replace(/\.tsv$/, '.json')}`;
  if (process.env.REGEN) writeFileSync(out, text);
  expect(text).toBe(readFileSync(out, 'utf8'));
});
