// The shape of the workspace, written down and tested (STYLE.md 6): schema at the bottom,
// the I/O core above it, format and source packages above that, never importing each other.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const packagesDir = join(root, 'packages');
const packages = readdirSync(packagesDir).filter((name) =>
  statSync(join(packagesDir, name)).isDirectory(),
);

/** What each package may import from the workspace. */
function allowed(name: string): string[] {
  if (name === 'schema') return [];
  if (name === 'io') return ['schema'];
  return ['io', 'schema'];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('dependency direction', () => {
  test('there are packages to check', () => {
    expect(packages).toEqual(expect.arrayContaining(['schema', 'io', 'csv', 'json']));
  });

  for (const name of packages) {
    test(`${name} depends only on ${allowed(name).join(' and ') || 'no workspace package'}`, () => {
      const manifest = JSON.parse(readFileSync(join(packagesDir, name, 'package.json'), 'utf8'));
      const declared = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })
        .filter((dependency) => dependency.startsWith('@conflict-events/'))
        .map((dependency) => dependency.slice('@conflict-events/'.length));
      expect(declared.filter((dependency) => !allowed(name).includes(dependency))).toEqual([]);
      const imported = sourceFiles(join(packagesDir, name, 'src')).flatMap((file) =>
        [
          ...readFileSync(file, 'utf8').matchAll(
            /from '(@conflict-events\/[a-z-]+|\.\.\/\.\.\/[^']+)/g,
          ),
        ].map((match) => `${file}: ${match[1]}`),
      );
      const outside = imported.filter((line) => {
        const target = line.split(': ')[1] ?? '';
        if (target.startsWith('../../')) return true;
        return !allowed(name).includes(target.slice('@conflict-events/'.length));
      });
      expect(outside).toEqual([]);
    });
  }
});
