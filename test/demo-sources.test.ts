// The demo writes every case-management export; each one is recognised by its headers and lands without a
// reject when faults are off, and the entities hang together the way a child's journey does.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../core/calendar/working-days.js';
import { extract } from '../pipelines/extract/extract.js';
import { silentLogger } from '../core/logger.js';
import { withWarehouse } from '../core/warehouse.js';
import { caseManagementContracts } from '../sources/case-management/index.js';
import { EXPORTS } from '../sources/demo/exports.js';
import { writeDemo } from '../sources/demo/write-demo.js';
import { tempDir } from './helpers/tmp.js';

const OPTS = { seed: 5, scale: 1, from: '2019-10-01', to: '2020-09-30', faultRate: 0 };
let dir: string;
const csv = (file: string) =>
  parse(readFileSync(path.join(dir, 'case-management', file)), { columns: true, bom: true }) as Record<
    string,
    string
  >[];
const iso = (uk: string) => `${uk.slice(6, 10)}-${uk.slice(3, 5)}-${uk.slice(0, 2)}`;

beforeAll(async () => {
  dir = tempDir('demo-sources');
  await writeDemo({ out: dir, ...OPTS });
});

describe('demo case-management exports', () => {
  it('writes one file per case-management contract, and the same seed writes the same bytes', async () => {
    const files = readdirSync(path.join(dir, 'case-management')).sort();
    expect(files).toEqual(['contacts.csv', ...Object.values(EXPORTS).map((e) => e.file)].sort());
    expect(
      new Set(
        Object.values(EXPORTS)
          .map((e) => e.entity)
          .concat('contacts'),
      ),
    ).toEqual(new Set(caseManagementContracts.map((c) => c.entity)));
    const again = tempDir('demo-again');
    await writeDemo({ out: again, ...OPTS });
    const hash = (d: string, f: string) =>
      createHash('sha256')
        .update(readFileSync(path.join(d, 'case-management', f)))
        .digest('hex');
    for (const f of files) expect(hash(again, f), f).toBe(hash(dir, f));
  });

  it('lands every file as its own entity with nothing rejected', async () => {
    const summary = await withWarehouse(path.join(tempDir('demo-land'), 'w.duckdb'), {}, (db) =>
      extract(db, { inputDir: dir, runId: '20200101T000000Z-demo', log: silentLogger() }),
    );
    const byFile = new Map(
      Object.values(EXPORTS).map((e) => [`case-management/${e.file}`, `case_management.${e.entity}`]),
    );
    byFile.set('case-management/contacts.csv', 'case_management.contacts');
    for (const f of summary.files) {
      if (f.file.startsWith('complaints/')) expect(f.source, f.file).toMatch(/^complaints\./);
      else expect(f.source, f.file).toBe(byFile.get(f.file));
      expect([f.status, f.rejected, f.landed], f.file).toEqual(['loaded', 0, f.read]);
      expect(f.read, f.file).toBeGreaterThan(0);
    }
  });

  it('follows each referral from a contact that was referred, for the same child', () => {
    const contacts = new Map(csv('contacts.csv').map((c) => [c['Contact ID']!, c]));
    const referrals = csv('referrals.csv');
    expect(referrals.length).toBeGreaterThan(1500);
    for (const r of referrals) {
      const c = contacts.get(r['Originating Contact ID']!)!;
      expect(c['Contact Outcome'], r['Referral ID']).toBe('REF');
      expect(c['Child ID']).toBe(r['Child ID']);
      expect(iso(c['Decision Date']!)).toBe(iso(r['Referral Date']!));
    }
  });

  it('starts child protection plans at the conference their section 47 enquiry led to', () => {
    const s47 = new Map(csv('s47-enquiries.csv').map((s) => [s['S47 ID']!, s]));
    const linked = csv('cp-plans.csv').filter((p) => p['S47 ID']);
    expect(linked.length).toBeGreaterThan(100);
    for (const p of linked) {
      const s = s47.get(p['S47 ID']!)!;
      expect([s['Child ID'], s['ICPC Required'], s['ICPC Date']]).toEqual([
        p['Child ID'],
        'Y',
        p['CP Plan Start Date'],
      ]);
    }
  });

  it('holds core groups and CLA reviews on realistic timescales', () => {
    const cal = WorkingCalendar.englandAndWales();
    const plans = new Map(csv('cp-plans.csv').map((p) => [p['CP Plan ID']!, iso(p['CP Plan Start Date']!)]));
    const firstCoreGroup = new Map<string, string>();
    for (const g of csv('cp-core-groups.csv')) {
      const d = iso(g['Core Group Date']!);
      const prev = firstCoreGroup.get(g['CP Plan ID']!);
      if (!prev || d < prev) firstCoreGroup.set(g['CP Plan ID']!, d);
    }
    const gaps = [...firstCoreGroup].map(([plan, d]) => cal.workingDaysBetween(plans.get(plan)!, d));
    const within10 = gaps.filter((g) => g <= 10).length / gaps.length;
    expect(within10).toBeGreaterThan(0.7);
    expect(within10).toBeLessThan(0.97); // some are late: the measure has something to show

    const entries = new Map<string, string>();
    for (const e of csv('cla-episodes.csv'))
      if (e['Reason New Episode'] === 'S') entries.set(e['Child ID']!, iso(e['Episode Start Date']!));
    const firstReview = new Map<string, string>();
    for (const r of csv('cla-reviews.csv')) {
      const d = iso(r['CLA Review Date']!);
      if (!firstReview.has(r['Child ID']!) || d < firstReview.get(r['Child ID']!)!) firstReview.set(r['Child ID']!, d);
    }
    const reviewGaps = [...entries]
      .filter(([c]) => firstReview.has(c))
      .map(([c, d]) => cal.workingDaysBetween(d, firstReview.get(c)!));
    expect(reviewGaps.length).toBeGreaterThan(300);
    expect(reviewGaps.every((g) => g > 0)).toBe(true);
    expect(reviewGaps.filter((g) => g <= 20).length / reviewGaps.length).toBeGreaterThan(0.75);
  });

  it('makes care leavers only of young people who left care aged 16 or over', () => {
    const dob = new Map(csv('children.csv').map((c) => [c['Child ID']!, iso(c['Date of Birth']!)]));
    const lastExit = new Map<string, string>();
    for (const e of csv('cla-episodes.csv'))
      if (e['Episode End Date'] && e['Reason Episode Ceased'] !== 'X1')
        lastExit.set(e['Child ID']!, iso(e['Episode End Date']));
    const leavers = new Set(csv('care-leaver-contacts.csv').map((c) => c['Child ID']!));
    expect(leavers.size).toBeGreaterThan(150);
    for (const child of leavers) {
      const left = lastExit.get(child)!;
      const born = dob.get(child)!;
      const age = Number(left.slice(0, 4)) - Number(born.slice(0, 4)) - (left.slice(5) < born.slice(5) ? 1 : 0);
      expect(age, child).toBeGreaterThanOrEqual(16);
    }
  });

  it("allocates cases to workers in post, and names a supervisor from the worker's team", () => {
    const workers = new Map(csv('workers.csv').map((w) => [w['Worker ID']!, w]));
    for (const a of csv('case-allocations.csv')) {
      const w = workers.get(a['Worker ID']!)!;
      expect(w.Team).toBe(a.Team);
      expect(iso(a['Allocation Start Date']!) >= iso(w['Start Date']!)).toBe(true);
      if (w['Leave Date']) expect(iso(a['Allocation Start Date']!) < iso(w['Leave Date'])).toBe(true);
    }
    for (const s of csv('case-supervisions.csv').slice(0, 2000)) {
      const manager = workers.get(s['Supervisor ID']!)!;
      expect([manager.Role, manager.Team]).toEqual(['TM', workers.get(s['Worker ID']!)!.Team]);
    }
  });
});
