import { defineConfig } from 'tsup';

/**
 * The build every package shares: ESM with declarations for Node 20 and browsers, workspace
 * packages left as imports (each is built and published on its own).
 */
export function packageBuild(entry: string[] = ['src/index.ts']) {
  return defineConfig({
    entry,
    format: ['esm'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    external: [/^@conflict-events\//],
  });
}
