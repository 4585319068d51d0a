// `pnpm bench:memory`: is memory flat in the size of the input? Every streaming path runs at
// a small and a large size, each run a fresh process, and the table shows the peak RSS of
// both and their ratio (the target: the large run at most 1.5× the small one). Every record
// must be accounted for. Flags:
//   --small 50000        events in the small run
//   --large 5000000      events in the large run
//   --heap 128           cap V8's old space (MiB) in every run; default: no cap
//   --growth bounded     the heap grown to 1.5× the live data, as the command line does
//                        (boundHeapGrowth), or `default`: V8's own sizing
//   --rules rules        rules (shape and every rule), rules-but-duplicate-id, or no-rules
//                        (shape only): the duplicate-id check remembers every id it has seen
//   --only csv-ndjson    one path (csv-ndjson, acled-ndjson, ndjson-csv, ndjson-geojson,
//                        geojson-ndjson, ndjson-geoparquet)
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { acledFormat } from '@conflict-events/acled';
import { csvFormat } from '@conflict-events/csv';
import { ndjsonFormat } from '@conflict-events/json';
import { dataDir, flag, here, writeGeneratedFile } from './bench-files.mjs';

const small = Number(flag('small', '50000'));
const large = Number(flag('large', '5000000'));
const heap = flag('heap', '');
const growth = flag('growth', 'bounded');
const only = flag('only', '');
const rules = flag('rules', 'rules');

/**
 * A generated input of `count` events in the format, made once and kept in the data folder
 * (named as `pnpm bench` and `bench:compare` name theirs, so they share the files).
 */
async function generated(format, count) {
  const name = format === acledFormat ? 'acled' : 'events';
  const path = join(dataDir, `${name}-${count}.${format.extensions[0]}`);
  if (!existsSync(path)) {
    process.stderr.write(`generating ${path}\n`);
    await writeGeneratedFile(path, format, count);
  }
  return path;
}

const inputIn = (format) => (count) => generated(format, count);

/** GeoJSON input is made by our own NDJSON → GeoJSON conversion, kept for the next runs. */
async function geojsonOf(count) {
  const path = join(dataDir, `events-${count}.geojson`);
  if (!existsSync(path)) {
    const partial = `${path}.partial`;
    convertOne(await generated(ndjsonFormat, count), partial, 'ndjson', 'geojson');
    renameSync(partial, path);
  }
  return path;
}

function convertOne(input, output, from, to) {
  const v8 = heap ? [`--max-old-space-size=${heap}`] : [];
  const stdout = execFileSync(
    process.execPath,
    [...v8, join(here, 'convert-one.mjs'), input, output, from, to, rules],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      env: { ...process.env, CE_BENCH_V8_HEAP: growth === 'default' ? 'default' : 'bounded' },
    },
  );
  return JSON.parse(stdout.trim().split('\n').pop());
}

const paths = {
  'csv-ndjson': ['csv', 'ndjson', inputIn(csvFormat)],
  'acled-ndjson': ['acled', 'ndjson', inputIn(acledFormat)],
  'ndjson-csv': ['ndjson', 'csv', inputIn(ndjsonFormat)],
  'ndjson-geojson': ['ndjson', 'geojson', inputIn(ndjsonFormat)],
  'geojson-ndjson': ['geojson', 'ndjson', geojsonOf],
  'ndjson-geoparquet': ['ndjson', 'geoparquet', inputIn(ndjsonFormat)],
};

const rows = [];
for (const [name, [from, to, inputOf]] of Object.entries(paths)) {
  if (only && only !== name) continue;
  const peaks = [];
  let accounted = true;
  for (const count of [small, large]) {
    process.stderr.write(`${count} events: ${from} → ${to}\n`);
    const output = join(dataDir, `memory-out.${to}`);
    const result = convertOne(await inputOf(count), output, from, to);
    rmSync(output, { force: true });
    accounted &&= result.records === count && result.events + result.rejected === count;
    peaks.push(result.peakRssMiB);
    if (count === large) {
      rows.push({
        path: `${from} → ${to}`,
        checks: rules,
        heap: `${growth === 'default' ? "V8's sizing" : 'growth ≤ 1.5× live'}${heap ? `, old space ≤ ${heap} MiB` : ''}`,
        [`peak RSS at ${small.toLocaleString('en-US')}`]: `${Math.round(peaks[0])} MiB`,
        [`peak RSS at ${large.toLocaleString('en-US')}`]: `${Math.round(peaks[1])} MiB`,
        ratio: (peaks[1] / peaks[0]).toFixed(2),
        '≤ 1.5×': peaks[1] / peaks[0] <= 1.5 ? 'yes' : 'NO',
        'large run, events/s': Math.round(result.events / result.wallSeconds),
        'every record accounted': accounted ? 'yes' : 'NO',
      });
    }
  }
}

const columns = Object.keys(rows[0]);
const line = (cells) => `| ${cells.join(' | ')} |`;
process.stdout.write(`${line(columns)}\n${line(columns.map(() => '---'))}\n`);
for (const row of rows) process.stdout.write(`${line(columns.map((column) => row[column]))}\n`);
