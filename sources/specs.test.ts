import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contracts } from './catalog.js';
import { contractSpec } from './lib/spec.js';
import { specPath } from './specs.js';

describe('export specs', () => {
  it.each(contracts.map((c) => [c.title, c] as const))('%s SPEC.md matches its contract (run `npm run specs` after changing one)', (_t, c) => {
    expect(readFileSync(specPath(c), 'utf8')).toBe(contractSpec(c));
  });
});
