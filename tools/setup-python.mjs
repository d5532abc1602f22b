#!/usr/bin/env node
// Creates the project-local Python venvs (npm install runs this): .venv with the pinned dbt + DuckDB toolchain, and
// .venv-validators with the DfE's return validators (Data to Insight's csc-validator-be-903 and -cin). Both are
// installed at once, each from its exact lock, so the install takes as long as the slower of the two.
// The DuckDB pin must match @duckdb/node-api: a newer DuckDB writes files an older one cannot open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  venvDir,
  venvBin,
  lockFile,
  stampFile,
  validatorsVenvDir,
  validatorsBin,
  validatorsLockFile,
  validatorsStampFile,
} from './python-env.mjs';

const fail = (line) => {
  console.error(`csp install: ${line}`);
  process.exit(1);
};

const envs = [
  {
    name: '.venv',
    what: 'dbt-core, dbt-duckdb, duckdb, duckdb-cli, openpyxl (tests write workbooks with it) and sqlfluff (npm run lint)',
    dir: venvDir,
    bin: venvBin,
    lock: lockFile,
    stamp: stampFile,
    marker: 'dbt',
    required: true,
    noDeps: false,
  },
  // Without the validators the pipeline still runs and publishes; it says "validation not run" (see pipelines/validate).
  {
    name: '.venv-validators',
    what: 'csc-validator-be-903 and csc-validator-be-cin',
    dir: validatorsVenvDir,
    bin: validatorsBin,
    lock: validatorsLockFile,
    stamp: validatorsStampFile,
    marker: 'python',
    required: false,
    noDeps: true,
  },
];
const upToDate = (e) =>
  existsSync(e.stamp) && readFileSync(e.stamp, 'utf8') === readFileSync(e.lock, 'utf8') && existsSync(e.bin(e.marker));
const todo = envs.filter((e) => {
  if (!upToDate(e)) return true;
  console.log(`csp install: ${e.what} already up to date in ${e.name}`);
  return false;
});
if (todo.length === 0) process.exit(0);

const python = process.env.CSP_PYTHON || 'python3';
const probe = spawnSync(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  fail(
    `${python} was not found: install Python 3.10 or newer (Debian/Ubuntu: apt-get install python3 python3-venv), then run npm install again.`,
  );
}
const [major, minor] = probe.stdout.trim().split('.').map(Number);
if (major < 3 || (major === 3 && minor < 10)) {
  fail(
    `${python} is ${probe.stdout.trim()} but dbt needs Python 3.10 or newer: install it (or set CSP_PYTHON to one), then run npm install again.`,
  );
}
const venvProbe = spawnSync(python, ['-c', 'import venv, ensurepip'], { encoding: 'utf8' });
if (venvProbe.status !== 0) {
  fail(
    `${python} has no venv/ensurepip module: install it (Debian/Ubuntu: apt-get install python3-venv), then run npm install again.`,
  );
}

const run = (cmd, args) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });

async function install(e) {
  if (!existsSync(e.bin('python'))) {
    console.log(`csp install: creating Python venv in ${e.dir}`);
    if ((await run(python, ['-m', 'venv', e.dir])) !== 0)
      return `could not create ${e.dir}: check the disk and permissions, then run npm install again.`;
  }
  console.log(`csp install: installing pinned ${e.what} into ${e.name}`);
  // The validators' lock lists every package they need at its exact version, so pip need not resolve (--no-deps).
  const code = await run(e.bin('python'), [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '--no-input',
    ...(e.noDeps ? ['--no-deps'] : []),
    '-r',
    e.lock,
  ]);
  if (code !== 0) return `pip could not install ${e.lock}: check that PyPI is reachable, then run npm install again.`;
  writeFileSync(e.stamp, readFileSync(e.lock, 'utf8'));
  console.log(`csp install: ${e.what} ready in ${e.name}`);
  return null;
}

const results = await Promise.all(todo.map(async (e) => ({ e, problem: await install(e) })));
for (const { e, problem } of results) {
  if (!problem) continue;
  if (e.required) fail(problem);
  console.warn(
    `csp install: WARNING: ${problem} Until then each run publishes as usual but says "validation not run".`,
  );
}
console.log('csp install: Python toolchain ready (npx dbt, npx duckdb)');
