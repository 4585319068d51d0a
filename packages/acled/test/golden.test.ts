import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { readAll, writeAll } from '../../../test/conformance/format-conformance.ts';
import { acledFormat } from '../src/index.ts';

// Golden files (STYLE.md 9): each input in test/in/ is read and compared with its output in
// test/out/; `REGEN=1 pnpm exec vitest run packages/acled/` rewrites the outputs.
const inDirectory = fileURLToPath(new URL('./in/', import.meta.url));
const outDirectory = fileURLToPath(new URL('./out/', import.meta.url));
const inputs = readdirSync(inDirectory).filter((name) => /\.(csv|json)$/.test(name));

test('there are golden inputs', () => {
  expect(inputs.length).toBeGreaterThanOrEqual(5);
});

test.each(inputs)('%s reads to its golden output', async (name) => {
  const result = await readAll(acledFormat, readFileSync(`${inDirectory}${name}`), 4096, {
    file: name,
  });
  expect(result.records).toBe(result.events.length + result.rejected.length);
  const outFile = `${outDirectory}${name.replace(/\.(csv|json)$/, '.json')}`;
  if (process.env.REGEN) writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
  // Compared as data, so that the formatter may lay the files out its own way.
  const expected: unknown = JSON.parse(readFileSync(outFile, 'utf8'));
  expect(JSON.parse(JSON.stringify(result))).toEqual(expected);
});

test.each([1, 7, 4096])(
  'the 2023 layout is written back byte for byte (%i-byte chunks)',
  async (size) => {
    const text = readFileSync(`${inDirectory}acled-2023-layout.csv`, 'utf8');
    const result = await readAll(acledFormat, new TextEncoder().encode(text), size);
    expect(result.rejected.map((reject) => reject.position.row)).toEqual([6]);
    // The fixture has a note starting `=cmd`, as a source may; exactness needs it unchanged.
    const written = await writeAll(acledFormat, result.events, { neutraliseFormulas: false });
    const expected = text
      .split('\n')
      .filter((line) => !line.startsWith('UKR900005'))
      .join('\n');
    expect(new TextDecoder().decode(written)).toBe(expected);
  },
);
