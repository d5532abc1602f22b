import { describe, expect, it } from 'vitest';
import { noFigureTerm } from './definitions.js';

describe('noFigureTerm', () => {
  it('names each measure without a figure and the source that would give it, or nothing when all have figures', () => {
    expect(noFigureTerm([])).toBeNull();
    const t = noFigureTerm([{ name: 'Supervision within interval', sourceNeeded: 'the case-management case supervisions export' }, { name: 'Local measure', sourceNeeded: null }]);
    expect(t?.term).toBe('No figure from the data supplied');
    expect(t?.text).toContain('Supervision within interval (needs the case-management case supervisions export); Local measure.');
  });
});
