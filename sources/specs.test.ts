import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contracts } from './catalog.js';
import { contractSpec } from './lib/spec.js';
import { specPath } from './specs.js';
import { dbtSourcesPath, dbtSourcesYml, sourceSystems } from './lib/dbt-sources.js';
import { projectRoot } from '../core/paths.js';
import path from 'node:path';

describe('export specs', () => {
  it.each(contracts.map((c) => [c.title, c] as const))(
    '%s SPEC.md matches its contract (run `npm run specs` after changing one)',
    (_t, c) => {
      expect(readFileSync(specPath(c), 'utf8')).toBe(contractSpec(c));
    },
  );

  it.each(sourceSystems(contracts))('the %s dbt sources yml matches the contracts', (system) => {
    const committed = readFileSync(path.join(projectRoot, dbtSourcesPath(system)), 'utf8');
    expect(
      committed === dbtSourcesYml(system, contracts),
      `${dbtSourcesPath(system)} is not what the contracts say: run npm run specs`,
    ).toBe(true);
  });
});
