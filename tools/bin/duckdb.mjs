#!/usr/bin/env node
// `npx duckdb [args]`: the DuckDB shell pinned to the same release as the pipeline (so it can open the warehouse).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { venvBin } from '../python-env.mjs';

const duckdb = venvBin('duckdb');
if (!existsSync(duckdb)) {
  console.error(
    'The duckdb shell is not installed in .venv yet: run `npm install` in the project folder, then try again.',
  );
  process.exit(2);
}
const result = spawnSync(duckdb, process.argv.slice(2), { stdio: 'inherit' });
process.exit(result.status ?? 1);
