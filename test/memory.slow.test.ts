// Flat memory on every streaming path, proved on a generated 2M-row file: each conversion runs
// in its own process with V8's old space capped at 128 MiB, so a path that held its input
// (or a growing share of it) would run out of memory instead of passing. The chain covers
// reading ACLED CSV, NDJSON and GeoJSON, and writing NDJSON, GeoJSON, canonical CSV and
// GeoParquet (in bounded row groups, from GeoJSON and from canonical CSV); every record must be
// accounted for at each step. (Reading GeoParquet is not a streaming path: it holds the file.)
// `pnpm test:slow` (about twenty minutes).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acledFormat } from '@conflict-events/acled';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeGeneratedFile } from '../bench/bench-files.mjs';

const rows = 2_000_000;
const heapMiB = 128;
// The heap cap is the proof; the whole process (code, buffers, the heap) stays well under this.
const rssLimitMiB = 320;
const convertOne = fileURLToPath(new URL('../bench/convert-one.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ce-memory-'));
const file = (name: string) => join(dir, name);

interface Measured {
  records: number;
  events: number;
  rejected: number;
  peakRssMiB: number;
}

/** One conversion in a fresh process with the old space capped; its stats and peak RSS. */
function convertCapped(input: string, output: string, from: string, to: string): Measured {
  const result = spawnSync(
    process.execPath,
    [`--max-old-space-size=${heapMiB}`, convertOne, input, output, from, to, 'rules'],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (result.status !== 0) {
    throw new Error(`${from} → ${to} failed (status ${result.status}):\n${result.stderr}`);
  }
  return JSON.parse(result.stdout) as Measured;
}

describe(`flat memory: ${rows.toLocaleString('en-US')} rows, old space capped at ${heapMiB} MiB`, () => {
  beforeAll(async () => {
    await writeGeneratedFile(file('events.csv'), acledFormat, rows);
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const chain = [
    ['events.csv', 'events.ndjson', 'acled', 'ndjson'],
    ['events.ndjson', 'events.geojson', 'ndjson', 'geojson'],
    ['events.geojson', 'events-canonical.csv', 'geojson', 'csv'],
    ['events.geojson', 'events.parquet', 'geojson', 'geoparquet'],
    // A CSV reader's strings are slices of its text chunks: a row group that kept them would
    // keep the chunks too, and this step ran out of memory under the cap before the row-group
    // buffer copied its cells.
    ['events-canonical.csv', 'events-from-csv.parquet', 'csv', 'geoparquet'],
  ] as const;
  for (const [input, output, from, to] of chain) {
    test(`${from} → ${to}`, () => {
      const measured = convertCapped(file(input), file(output), from, to);
      expect({
        records: measured.records,
        events: measured.events,
        rejected: measured.rejected,
        peakRss: measured.peakRssMiB <= rssLimitMiB ? 'within' : `${measured.peakRssMiB} MiB`,
      }).toEqual({ records: rows, events: rows, rejected: 0, peakRss: 'within' });
    });
  }
});
