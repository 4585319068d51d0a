import { defineConfig } from 'tsup';

// Mirrors packageBuild in tsup.config.base.ts, plus the shebang the bin needs; no
// declarations, since the package is a command, not a library.
export default defineConfig({
  entry: ['src/cli.ts'],
  format: ['esm'],
  dts: false,
  clean: true,
  sourcemap: true,
  target: 'node20',
  external: [/^@conflict-events\//],
  banner: { js: '#!/usr/bin/env node' },
});
