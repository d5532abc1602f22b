#!/usr/bin/env node
// `npx dbt <args>`: the project's pinned dbt, on the sql/ project and its profile, from any working directory.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { venvBin, sqlDir, projectRoot } from '../python-env.mjs';

const dbt = venvBin('dbt');
if (!existsSync(dbt)) {
  console.error('dbt is not installed in .venv yet: run `npm install` in the project folder, then try again.');
  process.exit(2);
}
// Same rule as the CLI: CSP_DATA_DIR (relative to where you are) or the project's own data/ folder.
const dataDir = process.env.CSP_DATA_DIR ? path.resolve(process.env.CSP_DATA_DIR) : path.join(projectRoot, 'data');
const env = {
  ...process.env,
  DBT_PROJECT_DIR: process.env.DBT_PROJECT_DIR ?? sqlDir,
  DBT_PROFILES_DIR: process.env.DBT_PROFILES_DIR ?? sqlDir,
  // Analysts run dbt against the published warehouse unless the pipeline points it at its working copy.
  CSP_WAREHOUSE: process.env.CSP_WAREHOUSE ?? path.join(dataDir, 'warehouse.duckdb'),
  // The pseudonymisation key, by path, for models that make keys (sql/plugins/csp_pseudonym.py); the default is
  // csp's (set CSP_PSEUDONYM_KEY_FILE when pseudonymisation.keyFile in the config points elsewhere).
  CSP_PSEUDONYM_KEY_FILE: process.env.CSP_PSEUDONYM_KEY_FILE ?? path.join(dataDir, 'secrets', 'pseudonym.key'),
  PYTHONPATH: [path.join(sqlDir, 'plugins'), process.env.PYTHONPATH].filter(Boolean).join(path.delimiter),
  DBT_SEND_ANONYMOUS_USAGE_STATS: 'false',
};
const result = spawnSync(dbt, process.argv.slice(2), { stdio: 'inherit', env });
process.exit(result.status ?? 1);
