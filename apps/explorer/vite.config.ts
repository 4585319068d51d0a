// The explorer's build: a static folder with a relative base, so it runs from any path of
// any static host; workspace packages are bundled from their sources, as the tests read them.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: {
    alias: [
      {
        find: /^@conflict-events\/([a-z0-9-]+)$/,
        replacement: `${repositoryRoot}packages/$1/src/index.ts`,
      },
    ],
  },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Data files stay files: an inlined example would hide its size and its name.
    assetsInlineLimit: 0,
    // MapLibre is one large module; splitting it would not make the first map appear sooner.
    chunkSizeWarningLimit: 2048,
  },
  server: { fs: { allow: [repositoryRoot] } },
});
