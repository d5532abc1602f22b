import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedParse, dbtLocation, PARSE_FILE, saveTargetParse, seedTargetParse } from './parse-cache.js';

const dirs: string[] = [];
const WH = '/srv/csp/data/work/warehouse.duckdb';
const tmp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'csp-parse-cache-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('shared dbt parse', () => {
  it('starts a new target from the shared parse, never overwrites a target that has its own, and shares the newest', () => {
    const cache = path.join(tmp(), 'cache');
    const a = path.join(tmp(), 'a');
    const b = path.join(tmp(), 'b');
    expect(seedTargetParse(a, WH, cache)).toBe(false); // nothing shared yet: dbt parses in full
    mkdirSync(a, { recursive: true });
    writeFileSync(path.join(a, PARSE_FILE), 'parse of a');
    saveTargetParse(a, WH, cache);
    expect(readFileSync(cachedParse(cache, WH), 'utf8')).toBe('parse of a');

    expect(seedTargetParse(b, WH, cache)).toBe(true);
    expect(readFileSync(path.join(b, PARSE_FILE), 'utf8')).toBe('parse of a');
    writeFileSync(path.join(b, PARSE_FILE), 'parse of b');
    expect(seedTargetParse(b, WH, cache)).toBe(false);
    expect(readFileSync(path.join(b, PARSE_FILE), 'utf8')).toBe('parse of b');

    // An older parse does not replace a newer shared one.
    const old = new Date(Date.now() - 60_000);
    writeFileSync(path.join(a, PARSE_FILE), 'older parse');
    utimesSync(path.join(a, PARSE_FILE), old, old);
    saveTargetParse(a, WH, cache);
    expect(readFileSync(cachedParse(cache, WH), 'utf8')).toBe('parse of a');
    saveTargetParse(b, WH, cache);
    expect(readFileSync(cachedParse(cache, WH), 'utf8')).toBe('parse of b');
    expect(existsSync(`${cachedParse(cache, WH)}.tmp`)).toBe(false);
    // A warehouse of another name (another profile to dbt) keeps a parse of its own.
    expect(seedTargetParse(path.join(tmp(), 'c'), '/x/w.duckdb', cache)).toBe(false);
    expect(cachedParse(cache, '/x/w.duckdb')).not.toBe(cachedParse(cache, WH));
  });

  it('names the warehouse by its file name from its own folder, so the profile is the same for every data folder', () => {
    expect(dbtLocation('/srv/csp/data/work/warehouse.duckdb')).toEqual({
      cwd: '/srv/csp/data/work',
      warehouse: 'warehouse.duckdb',
    });
    expect(dbtLocation('/tmp/t1/work/warehouse.duckdb').warehouse).toBe(
      dbtLocation('/srv/csp/data/work/warehouse.duckdb').warehouse,
    );
  });
});
