// `npm run specs`: rewrite every SPEC.md from its contract.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../core/paths.js';
import { contracts } from './catalog.js';
import type { Contract } from './lib/contract.js';
import { contractSpec } from './lib/spec.js';

export const specPath = (c: Contract): string => path.join(projectRoot, 'sources', c.system.replace(/_/g, '-'), c.entity.replace(/_/g, '-'), 'SPEC.md');

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join('sources', 'specs.js'))) {
  for (const c of contracts) {
    writeFileSync(specPath(c), contractSpec(c));
    console.log(`wrote ${path.relative(projectRoot, specPath(c))}`);
  }
}
