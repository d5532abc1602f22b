#!/usr/bin/env node
// Installs the linters and formatter (eslint, typescript-eslint, prettier) into tools/lint/node_modules from their
// own exact lock (npm install runs this). They are a small project of their own because typescript-eslint needs
// TypeScript's JavaScript API, which TypeScript 7 (the project's compiler) no longer ships: tools/lint has
// TypeScript 6.0 for the linter, and the project's own lock stays as it was. sqlfluff is in the Python venv.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './python-env.mjs';

const dir = path.join(projectRoot, 'tools', 'lint');
const lock = path.join(dir, 'package-lock.json');
const stamp = path.join(dir, 'node_modules', '.csp-lint.lock');
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === readFileSync(lock, 'utf8')) {
  console.log('csp install: eslint, typescript-eslint and prettier already up to date in tools/lint');
  process.exit(0);
}
console.log('csp install: installing pinned eslint, typescript-eslint and prettier into tools/lint');
const npm = process.env.npm_execpath
  ? [process.execPath, [process.env.npm_execpath]]
  : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
const r = spawnSync(npm[0], [...npm[1], 'ci', '--no-audit', '--no-fund', '--ignore-scripts'], {
  cwd: dir,
  stdio: 'inherit',
});
if (r.status !== 0) {
  console.error(
    'csp install: npm could not install tools/lint: check that the npm registry is reachable, then run npm install again.',
  );
  process.exit(1);
}
writeFileSync(stamp, readFileSync(lock, 'utf8'));
