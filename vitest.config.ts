import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['pipelines/**/*.test.ts', 'sources/**/*.test.ts', 'reports/**/*.test.ts', 'test/**/*.test.ts'],
    // End-to-end tests run the real CLI, DuckDB and dbt; they need time, not mocks.
    testTimeout: 240_000,
    hookTimeout: 240_000,
    // One worker per core is plenty: dbt itself uses both cores.
    maxWorkers: 2,
  },
});
