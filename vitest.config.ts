import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,sources,reports,pipelines,portal,cli}/**/*.test.ts', 'test/**/*.test.ts'],
    // End-to-end tests run the real CLI, DuckDB and dbt; they need time, not mocks. The limit is generous so a
    // busy 2-core CI machine does not fail a correct test (speed is measured by `npm run bench`, not here).
    testTimeout: 600_000,
    hookTimeout: 900_000,
    // One worker per core is plenty: dbt itself uses both cores.
    maxWorkers: 2,
    // Shared end-to-end runs (test/helpers/demo-runs.ts) need one folder per test run.
    globalSetup: ['test/global-setup.ts'],
  },
});
