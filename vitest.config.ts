import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Tests import workspace packages from source, so `pnpm test` needs no build first.
const workspaceSource = /^@conflict-events\/([a-z0-9-]+)$/;

export default defineConfig({
  resolve: {
    alias: [{ find: workspaceSource, replacement: `${root}packages/$1/src/index.ts` }],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    // Lanes by suffix: slow and external tests run only when asked for (STYLE.md 10).
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.slow.test.ts', '**/*.external.test.ts'],
    setupFiles: [`${root}test/setup/fail-on-console.ts`],
    typecheck: {
      enabled: true,
      include: ['packages/*/test/**/*.test-d.ts'],
      tsconfig: `${root}tsconfig.test.json`,
    },
  },
});
