import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Real server, real Chromium: slow to start, so generous timeouts and one file at a time.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
