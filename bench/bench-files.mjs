// What the benchmarks share: the folder of generated inputs, command-line flags, and writing
// generated events to a file in any format (gzip'd on request), with back-pressure.
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { generateEvents } from './generate-events.mjs';

export const here = dirname(fileURLToPath(import.meta.url));
export const dataDir = join(here, '.data');
mkdirSync(dataDir, { recursive: true });

/** The value after `--name` on the command line, or the fallback. */
export function flag(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
}

/** Writes `count` generated events to `path` with the format's writer (gzip'd if asked). */
export async function writeGeneratedFile(path, format, count, { gzip = false } = {}) {
  async function* events() {
    yield* generateEvents(count);
  }
  const file = createWriteStream(path);
  const target = gzip ? createGzip({ level: 6 }) : file;
  if (gzip) target.pipe(file);
  for await (const chunk of format.write(events())) {
    if (!target.write(chunk)) await new Promise((resolve) => target.once('drain', resolve));
  }
  await new Promise((resolve, reject) => {
    file.once('finish', resolve);
    file.once('error', reject);
    target.end();
  });
}

// The same JavaScript work (building and serialising small objects) for one second's order.
const probe =
  "const o={a:[1,2,3],b:'conflict '.repeat(8),c:{d:1.5,e:'é'}};let n=0;const t=performance.now();for(let i=0;i<2e6;i++)n+=JSON.stringify(o).length;console.log(n>0?Math.round(performance.now()-t):0)";

/**
 * How fast each CPU is now: the same JavaScript work pinned to each in turn (milliseconds), or
 * undefined without `taskset`. On a shared virtual machine the CPUs need not be equal (on the
 * machine of our tables one was at times 1.6× slower than the other), and a single-threaded
 * run lands on either, so the benches print this next to their figures.
 */
export function cpuSpeeds() {
  if (spawnSync('sh', ['-c', 'command -v taskset']).status !== 0) return undefined;
  return cpus().map((_, cpu) =>
    Number(
      execFileSync('taskset', ['-c', String(cpu), process.execPath, '-e', probe], {
        encoding: 'utf8',
      }),
    ),
  );
}

/** One line saying how fast each CPU is now, for the foot of a table. */
export function cpuSpeedLine() {
  const speeds = cpuSpeeds();
  return speeds
    ? `the same JavaScript work pinned to each CPU: ${speeds.map((ms, cpu) => `CPU ${cpu} ${ms} ms`).join(', ')}`
    : 'taskset is missing: CPU speeds not probed';
}
