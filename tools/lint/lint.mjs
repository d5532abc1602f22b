#!/usr/bin/env node
// `npm run lint`: eslint (type-aware), prettier --check and sqlfluff lint over the project; exits 1 if any fails.
// `npm run format` (--fix): eslint's safe fixes, prettier --write and sqlfluff fix, then the same checks.
// `--only eslint,prettier,sqlfluff` runs some of them; paths after the options limit every tool to those files.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot, venvBin } from '../python-env.mjs';

const args = process.argv.slice(2);
const fix = args.includes('--fix');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',') : ['eslint', 'prettier', 'sqlfluff'];
const paths = args.filter((a, i) => !a.startsWith('--') && !(onlyAt >= 0 && i === onlyAt + 1));
const unknown = only.filter((t) => !['eslint', 'prettier', 'sqlfluff'].includes(t));
if (unknown.length) {
  console.error(`lint: unknown tool ${unknown.join(', ')}: use --only with eslint, prettier and/or sqlfluff.`);
  process.exit(2);
}

const lintBin = (name) => path.join(projectRoot, 'tools', 'lint', 'node_modules', '.bin', name);
const pick = (re) => (paths.length ? paths.filter((p) => re.test(p)) : null);
const tsFiles = pick(/\.(ts|mts|cts|js|mjs|cjs)$/);
const sqlFiles = pick(/\.sql$/);

// Each tool: what it runs to check, what it runs to fix, and what to tell someone whose check failed.
const tools = {
  eslint: {
    bin: lintBin('eslint'),
    files: tsFiles,
    check: (f) => [...(f ?? ['.'])],
    fix: (f) => ['--fix', ...(f ?? ['.'])],
    advice: 'fix the findings above by hand (`npm run format` applies the ones eslint can fix safely)',
  },
  prettier: {
    bin: lintBin('prettier'),
    files: paths.length ? paths : null,
    // Named files prettier has no parser for (.sql, .csv) are skipped rather than failed.
    check: (f) => ['--check', '--log-level', 'warn', ...(f ? ['--ignore-unknown', ...f] : ['.'])],
    fix: (f) => ['--write', '--log-level', 'warn', ...(f ? ['--ignore-unknown', ...f] : ['.'])],
    advice: 'run `npm run format` to reformat them',
  },
  sqlfluff: {
    bin: venvBin('sqlfluff'),
    files: sqlFiles,
    check: (f) => ['lint', ...(f ?? ['sql'])],
    fix: (f) => ['fix', '--quiet', ...(f ?? ['sql'])],
    advice: 'run `npm run format` (sqlfluff fix) and fix by hand whatever it leaves',
  },
};

const failed = [];
for (const name of only) {
  const tool = tools[name];
  if (tool.files && tool.files.length === 0) continue; // paths were given and none is this tool's
  if (!existsSync(tool.bin)) {
    console.error(
      `lint: ${name} is not installed (${path.relative(projectRoot, tool.bin)}): run \`npm install\`, then try again.`,
    );
    failed.push(name);
    continue;
  }
  if (fix) spawnSync(tool.bin, tool.fix(tool.files), { cwd: projectRoot, stdio: 'inherit' });
  console.log(`lint: ${name}`);
  const r = spawnSync(tool.bin, tool.check(tool.files), { cwd: projectRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`lint: ${name} failed: ${tool.advice}.`);
    failed.push(name);
  }
}
if (failed.length) {
  console.error(`lint: ${failed.join(', ')} failed (see above).`);
  process.exit(1);
}
console.log(`lint: ${only.join(', ')} passed`);
