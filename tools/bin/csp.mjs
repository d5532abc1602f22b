#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript compiled to dist/ by `npm install` (postinstall) or `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../dist/cli/csp.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('csp is not built yet: run `npm run build` in the project folder, then try again.');
  process.exit(2);
}
await import(cli);
