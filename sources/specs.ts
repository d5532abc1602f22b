// `npm run specs`: rewrite every SPEC.md and every raw source's dbt yml from the contracts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../core/paths.js';
import { contracts } from './catalog.js';
import type { Contract } from './lib/contract.js';
import { contractSpec } from './lib/spec.js';
import { dbtSourcesPath, dbtSourcesYml, sourceSystems } from './lib/dbt-sources.js';

export const specPath = (c: Contract): string =>
  path.join(projectRoot, 'sources', c.system.replace(/_/g, '-'), c.entity.replace(/_/g, '-'), 'SPEC.md');

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join('sources', 'specs.js'))) {
  for (const c of contracts) {
    writeFileSync(specPath(c), contractSpec(c));
    console.log(`wrote ${path.relative(projectRoot, specPath(c))}`);
  }
  for (const system of sourceSystems(contracts)) {
    writeFileSync(path.join(projectRoot, dbtSourcesPath(system)), dbtSourcesYml(system, contracts));
    console.log(`wrote ${dbtSourcesPath(system)}`);
  }
}
