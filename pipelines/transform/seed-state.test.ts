import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Warehouse } from '../../core/warehouse.js';
import { readSeedState, recordSeedState, seedFiles, unchangedSeeds } from './seed-state.js';

const dirs: string[] = [];
const project = (files: Record<string, string>, projectYml = 'name: x\n'): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'csp-seed-state-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'dbt_project.yml'), projectYml);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, 'seeds', rel)), { recursive: true });
    writeFileSync(path.join(dir, 'seeds', rel), text);
  }
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('seed state', () => {
  it('lists every seed by its dbt path, and a seed is kept only when its file, the project file and its table are as recorded', () => {
    const dir = project({ 'teams.csv': 'team_name\nA\n', 'dfe/codes.csv': 'code\n1\n' });
    const files = seedFiles(dir);
    expect(files.map((f) => [f.selector, f.name])).toEqual([
      ['seeds/dfe/codes.csv', 'codes'],
      ['seeds/teams.csv', 'teams'],
    ]);
    const recorded = new Map(files.map((f) => [f.selector, f.checksum]));
    expect(unchangedSeeds(files, recorded, new Set(['codes', 'teams'])).map((f) => f.name)).toEqual(['codes', 'teams']);
    // A table gone (a working database made again) is loaded again.
    expect(unchangedSeeds(files, recorded, new Set(['teams'])).map((f) => f.name)).toEqual(['teams']);
    // A seed that gains a column is loaded again (and full-refreshed, so it never meets last night's table).
    writeFileSync(path.join(dir, 'seeds', 'teams.csv'), 'team_name,service_area\nA,B\n');
    expect(unchangedSeeds(seedFiles(dir), recorded, new Set(['codes', 'teams'])).map((f) => f.name)).toEqual(['codes']);
    // New column types in dbt_project.yml reload every seed.
    writeFileSync(path.join(dir, 'dbt_project.yml'), 'name: x\nseeds: {}\n');
    expect(unchangedSeeds(seedFiles(dir), recorded, new Set(['codes', 'teams']))).toEqual([]);
  });

  it('records the checksums in the working warehouse and reads them back, with the reference tables present', async () => {
    const dir = project({ 'teams.csv': 'team_name\nA\n' });
    const db = await Warehouse.open(path.join(dir, 'w.duckdb'));
    try {
      expect((await readSeedState(db)).recorded.size).toBe(0);
      await db.run('CREATE SCHEMA reference');
      await db.run('CREATE TABLE reference.teams (team_name VARCHAR)');
      const files = seedFiles(dir);
      await recordSeedState(db, files);
      await recordSeedState(db, files); // a second build replaces the record, never duplicates it
      const state = await readSeedState(db);
      expect([...state.recorded]).toEqual([['seeds/teams.csv', files[0]!.checksum]]);
      expect(unchangedSeeds(files, state.recorded, state.tables).map((f) => f.name)).toEqual(['teams']);
    } finally {
      db.close();
    }
  });
});
