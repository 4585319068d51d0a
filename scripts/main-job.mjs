// The main job of `pnpm start`, run through the built `conflict-events` command on the
// bundled examples: validate the seed dataset; import every synthetic source sample and
// convert each input to canonical CSV, NDJSON and the JSON dataset under out/ (rejected
// records beside them); write the seed dataset for GIS, Google Earth and Excel (GeoJSON,
// flat GeoJSON, KML, XLSX, GeoParquet and a partitioned GeoParquet folder); validate the outputs; print what happened at each step.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'apps', 'cli', 'dist', 'cli.js');

/** Runs the command; exit 1 (invalid data) is reported, anything else stops the job. */
function run(args) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) {
    process.stderr.write(
      `conflict-events ${args.join(' ')}\n${result.stderr}${result.error ?? ''}`,
    );
    process.exit(result.status ?? 2);
  }
  return result;
}

rmSync(join(root, 'out'), { recursive: true, force: true });
mkdirSync(join(root, 'out'));
const sources = readdirSync(join(root, 'examples', 'sources'))
  .filter((name) => !name.endsWith('.md'))
  .sort();
const inputs = [
  'examples/seed-afp-2016-08-01.dataset.json',
  ...sources.map((name) => `examples/sources/${name}`),
];

process.stdout.write('1. Validate the seed dataset\n');
process.stdout.write(run(['validate', inputs[0]]).stdout);

process.stdout.write('\n2. Import and convert each example (out/)\n');
for (const input of inputs) {
  const name = basename(input).replace(/(\.dataset)?(\.export)?\.(json|csv|tsv)$/, '');
  for (const extension of ['csv', 'ndjson', 'json']) {
    const rejects = `out/${name}.rejects${extname(input)}`;
    const args = ['convert', input, '-o', `out/${name}.${extension}`];
    if (extension === 'ndjson') args.push('--rejects', rejects);
    const summary = run(args).stderr.trim().split('\n')[0];
    if (extension === 'ndjson') process.stdout.write(`   ${input}: ${summary}\n`);
  }
}

process.stdout.write(
  '\n3. The seed dataset for GIS, Google Earth, Excel and data engines (out/)\n',
);
for (const [output, ...options] of [
  ['seed.geojson'],
  ['seed-flat.geojson', '--geojson-flat'],
  ['seed.kml'],
  ['seed.xlsx'],
  ['seed.parquet'],
  ['seed-by-year', '--partition-by', 'year,category'],
]) {
  const summary = run(['convert', inputs[0], '-o', `out/${output}`, ...options]).stderr.trim();
  process.stdout.write(`   out/${output}: ${summary.split('\n')[0]}\n`);
}

process.stdout.write('\n4. Validate the outputs that can be read back\n');
const outputs = readdirSync(join(root, 'out'))
  .filter(
    (name) =>
      (/\.(csv|ndjson|json|geojson|parquet)$/.test(name) || name === 'seed-by-year') &&
      !name.includes('.rejects'),
  )
  .sort()
  .map((name) => `out/${name}`);
const report = run(['validate', '--format', 'text', ...outputs]);
process.stdout.write(report.stdout);
