// The returns' code lists and field rules (sql/seeds/dfe) are data the contracts read: each row must be usable.
import { describe, expect, it } from 'vitest';
import { contracts } from '../catalog.js';
import { isCollectionYear } from '../../core/calendar/collection-year.js';
import { readSeed } from './seed-codes.js';

const years = (rows: Record<string, string>[]) =>
  rows.flatMap((r) => [r.valid_from, r.valid_to]).filter((y): y is string => !!y);

describe('the returns seeds', () => {
  it('name each code once per list, with collection years that are years', () => {
    const rows = readSeed('dfe/return_codes');
    const keys = rows.map((r) => `${r.list}:${r.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(years(rows).filter((y) => !isCollectionYear(y))).toEqual([]);
    expect(years(readSeed('dfe/cla_placement_types')).filter((y) => !isCollectionYear(y))).toEqual([]);
  });
  it('say for every field of every SSDA903 and CIN census table whether it may be blank, and nothing else', () => {
    const rows = readSeed('dfe/return_fields');
    const seeded = new Set(rows.map((r) => `${r.system}.${r.entity}.${r.field}`));
    const fields = contracts
      .filter((c) => c.system === 'ssda903' || c.system === 'cin_census')
      .flatMap((c) => c.fields.map((f) => `${c.system}.${c.entity}.${f.name}`));
    expect(fields.filter((f) => !seeded.has(f))).toEqual([]);
    expect([...seeded].filter((f) => !fields.includes(f))).toEqual([]);
    expect(rows.filter((r) => !['true', 'false'].includes(r.may_be_blank!))).toEqual([]);
  });
});
