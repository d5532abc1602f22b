#!/usr/bin/env node
// Creates the project-local Python venv with the pinned dbt + DuckDB toolchain (npm install runs this).
// The DuckDB pin must match @duckdb/node-api: a newer DuckDB writes files an older one cannot open.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { venvDir, venvBin, lockFile, stampFile } from './python-env.mjs';

const fail = (line) => {
  console.error(`csp install: ${line}`);
  process.exit(1);
};
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts });

const wanted = readFileSync(lockFile, 'utf8');
if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted && existsSync(venvBin('dbt'))) {
  console.log('csp install: Python toolchain (dbt, duckdb) already up to date in .venv');
  process.exit(0);
}

const python = process.env.CSP_PYTHON || 'python3';
const probe = spawnSync(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  fail(`${python} was not found: install Python 3.10 or newer (Debian/Ubuntu: apt-get install python3 python3-venv), then run npm install again.`);
}
const [major, minor] = probe.stdout.trim().split('.').map(Number);
if (major < 3 || (major === 3 && minor < 10)) {
  fail(`${python} is ${probe.stdout.trim()} but dbt needs Python 3.10 or newer: install it (or set CSP_PYTHON to one), then run npm install again.`);
}
const venvProbe = spawnSync(python, ['-c', 'import venv, ensurepip'], { encoding: 'utf8' });
if (venvProbe.status !== 0) {
  fail(`${python} has no venv/ensurepip module: install it (Debian/Ubuntu: apt-get install python3-venv), then run npm install again.`);
}

if (!existsSync(venvBin('python'))) {
  console.log(`csp install: creating Python venv in ${venvDir}`);
  if (run(python, ['-m', 'venv', venvDir]).status !== 0) fail(`could not create ${venvDir}: check the disk and permissions, then run npm install again.`);
}
console.log('csp install: installing pinned dbt-core, dbt-duckdb, duckdb, duckdb-cli and openpyxl (tests write workbooks with it) into .venv (about 20 s)');
const pip = run(venvBin('python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-input', '-r', lockFile]);
if (pip.status !== 0) fail(`pip could not install ${lockFile}: check that PyPI is reachable, then run npm install again.`);
writeFileSync(stampFile, wanted);
console.log('csp install: Python toolchain ready (npx dbt, npx duckdb)');
