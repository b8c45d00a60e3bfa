import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    allowOnly: false,
    pool: 'forks',
    // Two workers even on a 2-core machine (vitest would use one): most of a test's time is
    // spent waiting on PostgreSQL, DuckDB, child processes or the browser, not on this CPU.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['test/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/support/build-web.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
})
