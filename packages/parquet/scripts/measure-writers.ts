// Measures the writer (not a test): wall and CPU time, peak RSS and file size by row group
// size and compression, on synthetic events. Each case runs in a fresh process for its peak
// RSS; DuckDB then counts the rows of every file written, so a figure is never for a broken
// file. (The README's comparison with parquet-wasm was made with this script while
// parquet-wasm and apache-arrow were installed; those cases went with them.)
//
//   pnpm --filter @conflict-events/parquet measure [--events 200000]
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { geoParquetFormat, type ParquetCompression } from '../src/index.ts';
import { syntheticEvents } from '../test/synthetic-events.ts';

interface Case {
  compression: ParquetCompression;
  rowGroupSize: number;
}

const cases: Case[] = [
  ...[5_000, 10_000, 20_000, 50_000, 100_000].map((rowGroupSize) => ({
    compression: 'zstd' as const,
    rowGroupSize,
  })),
  { compression: 'snappy', rowGroupSize: 20_000 },
  { compression: 'uncompressed', rowGroupSize: 20_000 },
];

function nameOf(options: Case): string {
  return `${options.compression}-${options.rowGroupSize}`;
}

async function writeChunks(path: string, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  const file = createWriteStream(path);
  for await (const chunk of chunks) {
    if (!file.write(chunk))
      await new Promise<void>((resolve) => file.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => {
    file.once('error', reject);
    file.end(resolve);
  });
}

async function runCase(options: Case, count: number, path: string): Promise<void> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await writeChunks(path, geoParquetFormat.write(syntheticEvents(count), options));
  const used = process.cpuUsage(cpu);
  const figures = {
    wallSeconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

async function duckdbCount(path: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(
    `SELECT count(*) AS n FROM read_parquet('${path}')`,
  );
  const rows = reader.getRowObjectsJS();
  connection.closeSync();
  instance.closeSync();
  return Number(rows[0]?.n);
}

function flag(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

const count = Number(flag('events', '200000'));
const child = flag('case', '');
const folder = join(tmpdir(), 'conflict-events-parquet-measure');
mkdirSync(folder, { recursive: true });

if (child) {
  const options = cases.find((candidate) => nameOf(candidate) === child);
  if (!options) throw new Error(`no case ${child}`);
  await runCase(options, count, flag('out', ''));
} else {
  const script = fileURLToPath(import.meta.url);
  console.log(
    '| compression | row group | events | wall s | CPU s | peak RSS MiB | bytes | DuckDB rows |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const options of cases) {
    const path = join(folder, `${nameOf(options)}.parquet`);
    const run = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        script,
        '--case',
        nameOf(options),
        '--events',
        String(count),
        '--out',
        path,
      ],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`${nameOf(options)} failed: ${run.stderr}`);
    const figures = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
    const rows = await duckdbCount(path);
    console.log(
      `| ${options.compression} | ${options.rowGroupSize} | ${count} | ${figures.wallSeconds.toFixed(1)} | ${figures.cpuSeconds.toFixed(1)} | ${Math.round(figures.peakRssMiB)} | ${statSync(path).size} | ${rows} |`,
    );
  }
}
