// What the benchmarks share: the folder of generated inputs, command-line flags, and writing
// generated events to a file in any format (gzip'd on request), with back-pressure.
import { createWriteStream, mkdirSync } from 'node:fs';
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
