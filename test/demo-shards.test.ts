// A demo council larger than scale 1 is simulated in shards (sources/demo/shards.ts): the first is exactly the
// unsharded council, each further one has IDs of its own, every record still points at a child in the children
// export, and the files are the same whether the shards are rendered on worker threads (the built `csp demo`) or
// in this thread.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORTS } from '../sources/demo/exports.js';
import { shardsOf } from '../sources/demo/shards.js';
import { writeDemo } from '../sources/demo/write-demo.js';
import { csp } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

const OPTS = { seed: 11, from: '2020-04-01', to: '2020-05-31', faultRate: 0 };
let one: string;
let two: string;
const cm = (dir: string) => path.join(dir, 'case-management');
const lines = (dir: string, file: string) =>
  readFileSync(path.join(cm(dir), file), 'utf8')
    .split('\r\n')
    .filter(Boolean);
const rows = (dir: string, file: string) =>
  parse(readFileSync(path.join(cm(dir), file)), { columns: true, bom: true }) as Record<string, string>[];
const files = () => ['contacts.csv', ...Object.values(EXPORTS).map((e) => e.file)];

beforeAll(async () => {
  one = tempDir('shards-1');
  two = tempDir('shards-2');
  await writeDemo({ out: one, scale: 1, ...OPTS });
  await writeDemo({ out: two, scale: 2, ...OPTS });
});

describe('demo shards', () => {
  it('makes one shard with the seed itself for scale 1 or less, and Dudley-sized shards with seeds of their own above it', () => {
    expect(shardsOf(2020, 1)).toEqual([{ index: 0, count: 1, seed: 2020, scale: 1, tag: '' }]);
    expect(shardsOf(5, 0.05)).toEqual([{ index: 0, count: 1, seed: 5, scale: 0.05, tag: '' }]);
    const three = shardsOf(2020, 3);
    expect(three.map((s) => [s.index, s.scale, s.tag])).toEqual([
      [0, 1, ''],
      [1, 1, '1'],
      [2, 1, '2'],
    ]);
    expect(three[0]!.seed).toBe(2020);
    expect(new Set(three.map((s) => s.seed)).size).toBe(3);
    expect(shardsOf(2020, 2.5).map((s) => s.scale)).toEqual([2.5 / 3, 2.5 / 3, 2.5 / 3]);
  });

  it('begins each export of a two-shard council with the one-shard council, row for row, then as many rows again', () => {
    for (const f of files()) {
      const a = lines(one, f);
      const b = lines(two, f);
      expect(b.slice(0, a.length), f).toEqual(a);
      // The second shard is a council of the same size: its row count is within a third of the first's.
      const added = b.length - a.length;
      expect(added, f).toBeGreaterThan((a.length - 1) * 0.66);
      expect(added, f).toBeLessThan((a.length - 1) * 1.5 + 5);
    }
  });

  it('gives every record an ID of its own across shards, and every child a record refers to is in the children export', () => {
    const children = new Set(rows(two, 'children.csv').map((c) => c['Child ID']!));
    for (const f of files()) {
      const all = rows(two, f);
      const idColumn = Object.keys(all[0]!)[0]!;
      if (idColumn !== 'Child ID') expect(new Set(all.map((r) => r[idColumn])).size, f).toBe(all.length);
      if ('Child ID' in all[0]!)
        expect(
          all.filter((r) => !children.has(r['Child ID']!)).map((r) => r[idColumn]),
          f,
        ).toEqual([]);
    }
    expect(children.size).toBe(rows(two, 'children.csv').length);
    // The second shard's IDs carry its tag after the prefix.
    expect(rows(two, 'referrals.csv').at(-1)!['Referral ID']).toMatch(/^REF1\d{6}$/);
  });

  it('writes the same files from the built csp demo, whose shards are rendered on worker threads', async () => {
    const cli = tempDir('shards-cli');
    const r = await csp(
      [
        'demo',
        '--out',
        cli,
        '--scale',
        '2',
        '--seed',
        String(OPTS.seed),
        '--from',
        OPTS.from,
        '--to',
        OPTS.to,
        '--no-faults',
      ],
      { CSP_DATA_DIR: tempDir('shards-data') },
    );
    expect(r.code, r.stderr).toBe(0);
    const hash = (d: string, f: string) =>
      createHash('sha256')
        .update(readFileSync(path.join(d, f)))
        .digest('hex');
    for (const sub of ['case-management', 'complaints']) {
      const names = readdirSync(path.join(two, sub)).sort();
      expect(readdirSync(path.join(cli, sub)).sort()).toEqual(names);
      for (const f of names) expect(hash(path.join(cli, sub), f), f).toBe(hash(path.join(two, sub), f));
    }
  });
});
