// `pnpm start` for now: validates every dataset in examples/ and prints a summary per file.
// Exits 1 when a file has an error. The CLI will grow this into the full main job.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { validateDataset } from '@conflict-events/schema';

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
const files = (await readdir(examplesDir)).filter((name) => name.endsWith('.dataset.json')).sort();
let failed = false;

for (const name of files) {
  const path = `examples/${name}`;
  let document;
  try {
    document = JSON.parse(await readFile(`${examplesDir}${name}`, 'utf8'));
  } catch (error) {
    console.log(`${path}: not readable as JSON: ${error.message}`);
    failed = true;
    continue;
  }
  const result = validateDataset(document);
  const status = result.valid ? 'valid' : 'INVALID';
  console.log(
    `${path}: ${status} — ${result.checked} records, ${result.events} events, ` +
      `${result.errors} errors, ${result.warnings} warnings, ${result.infos} notices`,
  );
  for (const issue of result.issues) {
    console.log(`  ${issue.severity} ${issue.code} at ${issue.pointer}: ${issue.message}`);
  }
  if (!result.valid) failed = true;
}

if (files.length === 0) {
  console.log('no *.dataset.json files in examples/');
  failed = true;
}
process.exitCode = failed ? 1 : 0;
