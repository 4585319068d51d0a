import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { readAll } from '../../../test/conformance/format-conformance.ts';
import { hxlFormat } from '../src/index.ts';

// Golden files (STYLE.md 9): each input in test/in/ is read and compared with its output in
// test/out/; `REGEN=1 pnpm exec vitest run packages/hxl/` rewrites the outputs.
const inDirectory = fileURLToPath(new URL('./in/', import.meta.url));
const outDirectory = fileURLToPath(new URL('./out/', import.meta.url));
const inputs = readdirSync(inDirectory).filter((name) => name.endsWith('.csv'));

test('there are golden inputs', () => {
  expect(inputs.length).toBeGreaterThanOrEqual(7);
});

test.each(inputs)('%s reads to its golden output', async (name) => {
  const bytes = readFileSync(`${inDirectory}${name}`);
  const options = { file: name, ...(name.startsWith('hdx-acled') ? { dataset: 'acled' } : {}) };
  const result = await readAll(hxlFormat, bytes, 4096, options);
  expect(result.records).toBe(result.events.length + result.rejected.length);
  // Chunk boundaries anywhere (here every 7 bytes) give the same result.
  expect(await readAll(hxlFormat, bytes, 7, options)).toEqual(result);
  const outFile = `${outDirectory}${name.replace(/\.csv$/, '.json')}`;
  if (process.env.REGEN) writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
  // Compared as data, so that the formatter may lay the files out its own way.
  const expected: unknown = JSON.parse(readFileSync(outFile, 'utf8'));
  expect(JSON.parse(JSON.stringify(result))).toEqual(expected);
});
