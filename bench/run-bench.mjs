// `pnpm bench`: generates canonical CSV and NDJSON inputs, converts each in a fresh process
// and prints events/s, MB/s and peak RSS. Flags:
//   --sizes 100000,1000000   event counts
//   --runs 1                 runs per case (the median is shown)
//   --heap 128               cap the V8 old space of each conversion (MiB); every run bounds
//                            the heap growth as the command line does (boundHeapGrowth)
//   --only csv-ndjson        run one case (csv-ndjson, ndjson-csv) with full validation only
//   --gzip-gb 1              also convert a gzip'd CSV of about that many GB
//   --acled 1000000          also import an ACLED-layout CSV of that many rows
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { acledFormat } from '@conflict-events/acled';
import { csvFormat } from '@conflict-events/csv';
import { cpuSpeedLine, dataDir, flag, here, writeGeneratedFile } from './bench-files.mjs';

const sizes = flag('sizes', '100000,1000000').split(',').map(Number);
const runs = Number(flag('runs', '1'));
const gzipGb = Number(flag('gzip-gb', '0'));
const heap = flag('heap', '');
const heapLabel = heap ? `growth ≤ 1.5× live, old space ≤ ${heap} MiB` : 'growth ≤ 1.5× live';
const only = flag('only', '');
const acledRows = Number(flag('acled', '0'));

async function prepare(count) {
  const csv = join(dataDir, `events-${count}.csv`);
  if (!existsSync(csv)) {
    process.stderr.write(`generating ${csv}\n`);
    await writeGeneratedFile(csv, csvFormat, count);
  }
  const ndjson = join(dataDir, `events-${count}.ndjson`);
  if (!existsSync(ndjson)) measure(csv, ndjson, 'csv', 'ndjson', 'no-rules');
  return { csv, ndjson };
}

function measure(input, output, from, to, rules) {
  const v8 = heap ? [`--max-old-space-size=${heap}`] : [];
  const stdout = execFileSync(
    process.execPath,
    [...v8, join(here, 'convert-one.mjs'), input, output, from, to, rules],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  return JSON.parse(stdout.trim().split('\n').pop());
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const speedsBefore = cpuSpeedLine();
const rows = [];
for (const size of sizes) {
  const files = await prepare(size);
  for (const [from, to, input] of [
    ['csv', 'ndjson', files.csv],
    ['ndjson', 'csv', files.ndjson],
  ]) {
    if (only && only !== `${from}-${to}`) continue;
    for (const rules of only ? ['rules'] : ['rules', 'no-rules']) {
      const results = [];
      for (let run = 0; run < runs; run++) {
        results.push(measure(input, join(dataDir, `out.${to}`), from, to, rules));
      }
      const wall = median(results.map((result) => result.wallSeconds));
      const last = results[results.length - 1];
      rows.push({
        case: `${from} → ${to}`,
        validation: rules === 'rules' ? 'shape + rules' : 'shape only',
        heap: heapLabel,
        events: size,
        'events/s': Math.round(last.events / wall),
        'MB/s': (statSync(input).size / 1e6 / wall).toFixed(1),
        'wall s': wall.toFixed(2),
        'CPU s': median(results.map((result) => result.cpuSeconds)).toFixed(2),
        'peak RSS MiB': Math.round(Math.max(...results.map((result) => result.peakRssMiB))),
        'records = events + rejected': last.records === last.events + last.rejected ? 'yes' : 'NO',
      });
    }
  }
}

if (gzipGb > 0) {
  const perEvent = statSync((await prepare(sizes[0])).csv).size / sizes[0];
  const count = Math.round((gzipGb * 1e9) / perEvent);
  const gz = join(dataDir, `events-${count}.csv.gz`);
  if (!existsSync(gz)) {
    process.stderr.write(`generating ${gz} (${count} events, ~${gzipGb} GB uncompressed)\n`);
    await writeGeneratedFile(gz, csvFormat, count, { gzip: true });
  }
  const result = measure(gz, join(dataDir, 'out.ndjson'), 'csv', 'ndjson', 'rules');
  rows.push({
    case: 'csv.gz → ndjson',
    validation: 'shape + rules',
    heap: heapLabel,
    events: result.events,
    'events/s': Math.round(result.events / result.wallSeconds),
    'MB/s': (statSync(gz).size / 1e6 / result.wallSeconds).toFixed(1),
    'wall s': result.wallSeconds.toFixed(2),
    'CPU s': result.cpuSeconds.toFixed(2),
    'peak RSS MiB': Math.round(result.peakRssMiB),
    'records = events + rejected':
      result.records === result.events + result.rejected ? 'yes' : 'NO',
  });
}

if (acledRows > 0) {
  const acled = join(dataDir, `acled-${acledRows}.csv`);
  if (!existsSync(acled)) {
    process.stderr.write(`generating ${acled}\n`);
    await writeGeneratedFile(acled, acledFormat, acledRows);
  }
  const result = measure(acled, join(dataDir, 'out.ndjson'), 'acled', 'ndjson', 'rules');
  rows.push({
    case: 'acled csv → ndjson',
    validation: 'shape + rules',
    heap: heapLabel,
    events: result.events,
    'events/s': Math.round(result.events / result.wallSeconds),
    'MB/s': (statSync(acled).size / 1e6 / result.wallSeconds).toFixed(1),
    'wall s': result.wallSeconds.toFixed(2),
    'CPU s': result.cpuSeconds.toFixed(2),
    'peak RSS MiB': Math.round(result.peakRssMiB),
    'records = events + rejected':
      result.records === result.events + result.rejected ? 'yes' : 'NO',
  });
}

const speedsAfter = cpuSpeedLine();
const columns = Object.keys(rows[0]);
const line = (cells) => `| ${cells.join(' | ')} |`;
process.stdout.write(`${line(columns)}\n${line(columns.map(() => '---'))}\n`);
for (const row of rows) process.stdout.write(`${line(columns.map((column) => row[column]))}\n`);
process.stdout.write(
  `\nnode ${process.version}, ${(await import('node:os')).cpus().length} cores; MB/s counts input bytes.\nbefore the runs, ${speedsBefore}\nafter the runs, ${speedsAfter}\n`,
);
