// `pnpm bench:compare`: our ACLED import next to GDAL ogr2ogr and DuckDB on the same
// ACLED-layout CSV, in one invocation, runs alternating between the tools. Each run is a
// fresh process measured by GNU time (wall, CPU, peak RSS); the median of the runs is shown
// with our ratio to each tool. Every run of ours is checked byte-exact: the NDJSON written is
// turned back into ACLED's layout and must equal the input, byte for byte. Flags:
//   --rows 1000000     rows in the generated ACLED CSV
//   --runs 3           runs per tool and case
//   --only geojson     one case: geojson, ndjson or parquet
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { acledFormat } from '@conflict-events/acled';
import { cpuSpeedLine, dataDir, flag, here, writeGeneratedFile } from './bench-files.mjs';

const rows = Number(flag('rows', '1000000'));
const runs = Number(flag('runs', '3'));
const only = flag('only', '');

/** The system tools the comparison needs, installed from Debian when missing. */
function ensureTools() {
  const missing = ['ogr2ogr', 'time'].filter(
    (tool) =>
      spawnSync('sh', ['-c', `command -v ${tool} || test -x /usr/bin/${tool}`]).status !== 0,
  );
  if (missing.length === 0) return;
  process.stderr.write(`installing ${missing.join(', ')} (gdal-bin, time)\n`);
  execFileSync('sh', ['-c', 'apt-get update && apt-get install -y gdal-bin time'], {
    stdio: 'inherit',
  });
}

/** Runs a command under GNU time: wall seconds, CPU seconds and peak RSS in MiB. */
function timed(command, args, env = {}) {
  const report = join(dataDir, '.time');
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', report, command, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  }
  const [wall, user, system, rssKiB] = readFileSync(report, 'utf8')
    .trim()
    .split('\n')
    .pop()
    .split(' ')
    .map(Number);
  return { wall, cpu: user + system, rss: rssKiB / 1024, stdout: result.stdout };
}

const ours = (input, output, to) => () =>
  timed(process.execPath, [join(here, 'convert-one.mjs'), input, output, 'acled', to, 'rules']);

const duckdb = (sql, threads) => () =>
  timed(process.execPath, [join(here, 'duckdb-one.mjs'), String(threads), sql]);

// GDAL's GeoJSON drivers cannot overwrite a file: each run starts without one.
const ogr2ogr = (input, output, driver) => () =>
  rmSync(output, { force: true }) ??
  timed('ogr2ogr', [
    '-f',
    driver,
    output,
    input,
    '-oo',
    'X_POSSIBLE_NAMES=longitude',
    '-oo',
    'Y_POSSIBLE_NAMES=latitude',
    '-oo',
    'AUTODETECT_TYPE=YES',
  ]);

const quote = (path) => `'${path.replaceAll("'", "''")}'`;

function cases(input) {
  const out = (name) => join(dataDir, `compare.${name}`);
  const csv = `read_csv(${quote(input)}, header = true, all_varchar = false)`;
  // The row itself (`t`) is the properties struct; one FeatureCollection object is written.
  const feature = `{'type': 'Feature', 'id': t.event_id_cnty, 'geometry': {'type': 'Point', 'coordinates': [t.longitude, t.latitude]}, 'properties': t}`;
  return {
    geojson: {
      ours: ours(input, out('geojson'), 'geojson'),
      'DuckDB, 2 threads': duckdb(
        `COPY (SELECT 'FeatureCollection' AS type, list(${feature}) AS features FROM ${csv} t) TO ${quote(out('duck.geojson'))} (FORMAT JSON)`,
        2,
      ),
      'DuckDB, 1 thread': duckdb(
        `COPY (SELECT 'FeatureCollection' AS type, list(${feature}) AS features FROM ${csv} t) TO ${quote(out('duck.geojson'))} (FORMAT JSON)`,
        1,
      ),
      ogr2ogr: ogr2ogr(input, out('ogr.geojson'), 'GeoJSON'),
    },
    ndjson: {
      ours: ours(input, out('ndjson'), 'ndjson'),
      'DuckDB, 2 threads': duckdb(
        `COPY (SELECT * FROM ${csv}) TO ${quote(out('duck.ndjson'))} (FORMAT JSON)`,
        2,
      ),
      'DuckDB, 1 thread': duckdb(
        `COPY (SELECT * FROM ${csv}) TO ${quote(out('duck.ndjson'))} (FORMAT JSON)`,
        1,
      ),
      ogr2ogr: ogr2ogr(input, out('ogr.geojsonl'), 'GeoJSONSeq'),
    },
    parquet: {
      ours: ours(input, out('parquet'), 'geoparquet'),
      'DuckDB, 2 threads': duckdb(
        `COPY (SELECT * FROM ${csv}) TO ${quote(out('duck.parquet'))} (FORMAT PARQUET, COMPRESSION ZSTD)`,
        2,
      ),
      'DuckDB, 1 thread': duckdb(
        `COPY (SELECT * FROM ${csv}) TO ${quote(out('duck.parquet'))} (FORMAT PARQUET, COMPRESSION ZSTD)`,
        1,
      ),
    },
  };
}

/** Our NDJSON back in ACLED's layout must be the input, byte for byte. */
function checkByteExact(input, ndjson) {
  const back = join(dataDir, 'compare.back.csv');
  rmSync(back, { force: true });
  execFileSync(process.execPath, [
    join(here, 'convert-one.mjs'),
    ndjson,
    back,
    'ndjson',
    'acled',
    'no-rules',
  ]);
  const same = readFileSync(back).equals(readFileSync(input));
  rmSync(back, { force: true });
  return same;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

ensureTools();
const input = join(dataDir, `acled-${rows}.csv`);
if (!existsSync(input)) {
  process.stderr.write(`generating ${input}\n`);
  await writeGeneratedFile(input, acledFormat, rows);
}
process.stderr.write(
  `input: ${input}, ${(statSync(input).size / 1e6).toFixed(0)} MB, ${rows} rows\n`,
);

const speedsBefore = cpuSpeedLine();
const table = [];
for (const [name, tools] of Object.entries(cases(input))) {
  if (only && only !== name) continue;
  const results = Object.fromEntries(Object.keys(tools).map((tool) => [tool, []]));
  let exact = true;
  for (let run = 0; run < runs; run++) {
    // Alternate the tools inside each round, so drift on the machine hits them alike.
    for (const [tool, measure] of Object.entries(tools)) {
      process.stderr.write(`${name}: ${tool}, run ${run + 1}/${runs}\n`);
      results[tool].push(measure());
    }
    if (name === 'ndjson') exact &&= checkByteExact(input, join(dataDir, 'compare.ndjson'));
  }
  const summary = Object.fromEntries(
    Object.entries(results).map(([tool, list]) => [
      tool,
      {
        wall: median(list.map((r) => r.wall)),
        cpu: median(list.map((r) => r.cpu)),
        rss: Math.max(...list.map((r) => r.rss)),
      },
    ]),
  );
  for (const [tool, figures] of Object.entries(summary)) {
    table.push({
      case: `ACLED CSV → ${name}`,
      tool,
      'wall s': figures.wall.toFixed(2),
      'CPU s': figures.cpu.toFixed(2),
      'peak RSS MiB': Math.round(figures.rss),
      'ours ÷ tool (wall)':
        tool === 'ours'
          ? name === 'ndjson'
            ? `byte-exact: ${exact ? 'yes' : 'NO'}`
            : ''
          : (summary.ours.wall / figures.wall).toFixed(2),
    });
  }
}
console.table(table);
process.stdout.write(`before the runs, ${speedsBefore}\nafter the runs, ${cpuSpeedLine()}\n`);
