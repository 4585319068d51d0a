// The progress bar: drawn on a terminal, never into pipes or logs, silenced by --quiet.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatBytes } from '../src/progress.ts';
import { buildCli, runCli, runCliInTerminal, seedDataset, temporaryDirectory } from './run-cli.ts';

beforeAll(() => {
  buildCli();
}, 60_000);

// ANSI control sequences a bar is drawn with (cursor moves, erase line).
const control = new RegExp(`${String.fromCharCode(27)}\\[`);

describe.concurrent('progress', { timeout: 30_000 }, () => {
  it('draws bytes of the total, events/s and the ETA on a terminal, then clears it', async () => {
    const directory = temporaryDirectory();
    const result = await runCliInTerminal([
      'convert',
      seedDataset,
      '-o',
      join(directory, 'seed.ndjson'),
    ]);
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/100% \| 22\.\d KiB of 22\.\d KiB \| \d+ events\/s \| ETA \d+s/);
    expect(result.output).toMatch(control);
    // The summary line still follows the cleared bar.
    expect(result.output).toMatch(/json → ndjson: records 9, events 9/);
  });

  it('draws nothing with --quiet, on a terminal too', async () => {
    const directory = temporaryDirectory();
    const result = await runCliInTerminal([
      'convert',
      seedDataset,
      '-o',
      join(directory, 'seed.ndjson'),
      '--quiet',
    ]);
    expect(result.code).toBe(0);
    expect(result.output).not.toMatch(control);
    expect(result.output).not.toContain('events/s');
  });

  it('draws nothing when stderr is not a terminal', async () => {
    const directory = temporaryDirectory();
    const result = await runCli(['validate', seedDataset]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const converted = await runCli(['convert', seedDataset, '-o', join(directory, 'a.csv')]);
    expect(converted.stderr).not.toMatch(control);
    expect(converted.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('shows bytes read and the rate, without a total or ETA, for standard input', async () => {
    const directory = temporaryDirectory();
    const input = join(directory, 'seed.ndjson');
    await runCli(['convert', seedDataset, '-o', input]);
    const result = await runCliInTerminal(['validate', '-', '--from', 'ndjson'], {
      stdinFile: input,
    });
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/\d+(\.\d)? (B|KiB) read \| \d+ events\/s/);
    expect(result.output).not.toContain('ETA');
  });
});

describe('formatBytes', () => {
  it('uses binary units with one decimal', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(620 * 1024 * 1024)).toBe('620.0 MiB');
  });
});
