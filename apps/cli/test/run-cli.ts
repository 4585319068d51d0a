// Runs the built command as a real process, as users and CI do.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const cliRoot = fileURLToPath(new URL('..', import.meta.url));
export const repoRoot = join(cliRoot, '..', '..');
export const cliPath = join(cliRoot, 'dist', 'cli.js');
export const seedDataset = join(repoRoot, 'examples', 'seed-afp-2016-08-01.dataset.json');
export const fixture = (packageName: string, file: string) =>
  join(repoRoot, 'packages', packageName, 'test', 'in', file);

function newestSource(): number {
  const sources = readdirSync(join(cliRoot, 'src')).map((name) => join(cliRoot, 'src', name));
  return Math.max(
    ...[...sources, join(cliRoot, 'package.json')].map((path) => statSync(path).mtimeMs),
  );
}

function isBuilt(): boolean {
  return existsSync(cliPath) && statSync(cliPath).mtimeMs >= newestSource();
}

const buildLock = join(tmpdir(), 'conflict-events-cli-build.lock');

/**
 * Builds dist/cli.js when a source is newer, so the tests run what would be published. Test
 * files run in parallel and tsup empties dist/ first, so one file's build would pull the
 * binary from under another's running tests: a lock directory lets one build at a time,
 * and the others find the build fresh once they get the lock.
 */
export function buildCli(): void {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      mkdirSync(buildLock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${buildLock} is held too long; remove it`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    if (!isBuilt()) execFileSync('pnpm', ['build'], { cwd: cliRoot, stdio: 'ignore' });
  } finally {
    rmSync(buildLock, { recursive: true, force: true });
  }
}

export function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'conflict-events-cli-'));
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: options.cwd ?? cliRoot,
      env: { ...process.env, GITHUB_ACTIONS: '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

const shellQuote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

/**
 * Runs the command inside a pseudo-terminal (util-linux `script`), as a user at a terminal
 * would, so what is drawn only on a TTY can be tested. Standard output and error arrive
 * mixed, as a terminal shows them.
 */
export function runCliInTerminal(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; stdinFile?: string } = {},
): Promise<{ code: number | null; output: string }> {
  const redirect = options.stdinFile === undefined ? '' : ` < ${shellQuote(options.stdinFile)}`;
  const command = [process.execPath, cliPath, ...args].map(shellQuote).join(' ') + redirect;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
      cwd: options.cwd ?? cliRoot,
      env: { ...process.env, GITHUB_ACTIONS: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
