#!/usr/bin/env node
// Records @duckdb/node-bindings' other-platform packages in package-lock.json.
// Why: the registry this project installs from serves only the linux-x64 builds of 1.5.6-r.1, so npm drops the
// others from the lock, and `npm ci` then refuses the lock as out of step with package.json. Entries with their
// os/cpu restrictions let `npm ci` skip them as incompatible without fetching. Run after `npm install` rewrites the lock.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './python-env.mjs';

const lockFile = path.join(projectRoot, 'package-lock.json');
const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
const bindings = lock.packages['node_modules/@duckdb/node-bindings'];
const platform = {
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'linux-arm64': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  'linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'linux-x64': { os: ['linux'], cpu: ['x64'], libc: ['glibc'] },
  'linux-x64-musl': { os: ['linux'], cpu: ['x64'], libc: ['musl'] },
  'win32-arm64': { os: ['win32'], cpu: ['arm64'] },
  'win32-x64': { os: ['win32'], cpu: ['x64'] },
};
let added = 0;
for (const [name, version] of Object.entries(bindings.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  const p = platform[name.replace('@duckdb/node-bindings-', '')];
  if (!p) throw new Error(`unknown platform package ${name}: add it to tools/lock-missing-platforms.mjs`);
  lock.packages[key] = { version, license: 'MIT', optional: true, ...p };
  added++;
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(lockFile, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: recorded ${added} platform package(s) the registry does not serve`);
