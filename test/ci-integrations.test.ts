// action.yml and .pre-commit-hooks.yaml cannot run here; the command lines they run can, with
// the locally built command in place of the published package.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildCli } from '../apps/cli/test/run-cli.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'apps', 'cli', 'dist', 'cli.js');
const seed = join(root, 'examples', 'seed-afp-2016-08-01.dataset.json');
const local = `${process.execPath} ${cli}`;
let broken: string;

beforeAll(() => {
  buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'ce-ci-'));
  broken = join(dir, 'broken.ndjson');
  writeFileSync(broken, '{"id":"x"}\n');
}, 60_000);

function action(env: Record<string, string>) {
  return spawnSync('bash', [join(root, 'scripts', 'ci-validate.sh')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CE_CLI: local, ...env },
  });
}

describe.runIf(spawnSync(process.execPath, [cli, '--version']).status === 0)(
  'CI integrations',
  () => {
    test('action.yml runs scripts/ci-validate.sh with its inputs', () => {
      const text = readFileSync(join(root, 'action.yml'), 'utf8');
      // GitHub's own ${{ … }} expression, not a JavaScript template.
      const actionPath = ['$', '{{ github.action_path }}'].join('');
      expect(text).toContain(`run: bash "${actionPath}/scripts/ci-validate.sh"`);
      for (const input of ['paths', 'config', 'max-errors', 'fail-on'])
        expect(text).toMatch(new RegExp(`^  ${input}:$`, 'm'));
    });

    test('the action passes a valid file and annotates an invalid one', () => {
      expect(action({ CE_PATHS: seed }).status).toBe(0);
      const failed = action({ CE_PATHS: `${seed}\n${broken}` });
      expect(failed.status).toBe(1);
      expect(failed.stdout).toMatch(/^::error file=.*broken\.ndjson,line=1/m);
    });

    test('the action expands globs, and fail-on warning fails on warnings', () => {
      const converted = spawnSync(process.execPath, [
        cli,
        'convert',
        join(root, 'packages/ucdp/test/in/ged-20-1-layout.csv'),
        '-o',
        join(tmpdir(), 'ce-ci-warned.ndjson'),
        '--quiet',
        '--force',
      ]);
      expect(converted.status).toBe(0);
      const pattern = join(tmpdir(), 'ce-ci-warn*.ndjson');
      expect(action({ CE_PATHS: pattern }).status).toBe(0);
      expect(action({ CE_PATHS: pattern, CE_FAIL_ON: 'warning' }).status).toBe(1);
    });

    test('the pre-commit hook runs `conflict-events validate` on the staged files', () => {
      const hooks = readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8');
      const entry = /^ {2}entry: (.+)$/m.exec(hooks)?.[1] ?? '';
      expect(entry).toBe('npx --yes conflict-events validate');
      const command = entry.replace('npx --yes conflict-events', local).split(' ');
      const [program, ...args] = command;
      expect(program).toBe(process.execPath);
      expect(spawnSync(program ?? '', [...args, seed]).status).toBe(0);
      expect(spawnSync(program ?? '', [...args, broken]).status).toBe(1);
    });
  },
);
