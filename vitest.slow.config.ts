// The slow lane (`pnpm test:slow`): the same setup as `pnpm test`, for `*.slow.test.ts` only —
// property tests with many more runs than the default lane can afford. The lists replace the
// default lane's (mergeConfig would append to them).
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['packages/*/test/**/*.slow.test.ts', 'test/**/*.slow.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    typecheck: { enabled: false },
    testTimeout: 600_000,
  },
});
