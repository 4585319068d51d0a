import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { csvFormat } from '@conflict-events/csv';
import type { ConflictEvent, Dataset } from '@conflict-events/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cliPath, seedDataset, temporaryDirectory } from './run-cli.ts';

const targetBytes = 50 * 2 ** 20;

/** The seed's events over and over with fresh ids, until the CSV reaches about 50 MB. */
async function writeLargeCsv(path: string): Promise<void> {
  const { events } = JSON.parse(readFileSync(seedDataset, 'utf8')) as Dataset;
  const out = createWriteStream(path);
  let written = 0;
  async function* many(): AsyncIterable<ConflictEvent> {
    for (let round = 0; written < targetBytes; round += 1) {
      for (const event of events) yield { ...event, id: `${event.id}-${round}` };
    }
  }
  for await (const chunk of csvFormat.write(many())) {
    written += chunk.byteLength;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('an interrupted conversion', () => {
  const directory = temporaryDirectory();
  const input = join(directory, 'large.csv');

  beforeAll(async () => {
    buildCli();
    await writeLargeCsv(input);
  }, 60_000);

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    '%s leaves no output and no temp file',
    async (signal, code) => {
      expect(statSync(input).size).toBeGreaterThanOrEqual(targetBytes);
      const outputDirectory = temporaryDirectory();
      const output = join(outputDirectory, 'large.ndjson');
      const child = spawn(process.execPath, [cliPath, 'convert', input, '-o', output]);
      const closed = once(child, 'close');
      // Kill once the temporary output has data in it: the run is mid-way.
      await waitFor(() => {
        const temp = readdirSync(outputDirectory).find((name) => name.endsWith('.tmp'));
        return temp !== undefined && statSync(join(outputDirectory, temp)).size > 0;
      }, 20_000);
      child.kill(signal);
      const [exitCode] = (await closed) as [number | null];
      expect(exitCode).toBe(code);
      expect(readdirSync(outputDirectory)).toEqual([]);
    },
    30_000,
  );

  // A real full disk: a 1 MiB tmpfs. Mounting needs root, as CI has; elsewhere it is skipped.
  const root = process.getuid?.() === 0;

  it.skipIf(!root && !process.env.CI)(
    'a full disk is one clear error, exit 2, and leaves no output and no temp file',
    async () => {
      const mountPoint = temporaryDirectory();
      const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]);
      expect(mount.status, String(mount.stderr)).toBe(0);
      try {
        const output = join(mountPoint, 'large.ndjson');
        const child = spawn(process.execPath, [cliPath, 'convert', input, '-o', output]);
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        const [exitCode] = (await once(child, 'close')) as [number | null];
        expect(exitCode).toBe(2);
        expect(stderr).toBe(
          `conflict-events: cannot write ${output}: no space left on the device\n`,
        );
        expect(stderr.trim().split('\n')).toHaveLength(1);
        expect(readdirSync(mountPoint)).toEqual([]);
      } finally {
        spawnSync('umount', [mountPoint]);
      }
    },
    60_000,
  );
});
