// The complaints demo: deterministic, at the annual report's volumes, valid against its own contracts when
// faults are off, and spoiling exactly the rows it says it spoiled when they are on. Everything is counted
// from the CSV files read back, not from the generator's objects.
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../core/calendar/working-days.js';
import { complaintsContracts } from '../complaints/index.js';
import { compileContract, matchHeaders, type Contract } from '../lib/contract.js';
import { readSeed } from '../lib/seed-codes.js';
import { writeComplaintsDemo } from './complaints.js';
import type { DemoFile } from './write-demo.js';

const PERIOD = { seed: 2020, scale: 1, from: '2019-04-01', to: '2021-03-31' } as const;
const tmp = (name: string) => mkdtempSync(path.join(tmpdir(), `csp-complaints-demo-${name}-`));
const contractFor = (entity: string): Contract => complaintsContracts.find((c) => c.entity === entity)!;

type Csv = { header: string[]; rows: Record<string, string>[] };
function readCsvFile(file: string): Csv {
  const records = parse(readFileSync(file), { bom: true, relax_column_count: false }) as string[][];
  const [header, ...body] = records;
  return { header: header!, rows: body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]!]))) };
}

/** Rows of a file that fail its contract, validated as the extract would (columns matched by header). */
function failingRows(f: DemoFile): number {
  const contract = contractFor(f.entity);
  const { header, rows } = readCsvFile(f.file);
  const match = matchHeaders(contract, header);
  expect(match.missingRequired).toEqual([]);
  const compiled = compileContract(contract);
  return rows.filter(
    (r) => !compiled.validate(Object.fromEntries([...match.columns].map(([name, i]) => [name, r[header[i]!]]))).ok,
  ).length;
}

const iso = (uk: string) => `${uk.slice(6, 10)}-${uk.slice(3, 5)}-${uk.slice(0, 2)}`;
const fy = (uk: string) => (Number(uk.slice(3, 5)) >= 4 ? uk.slice(6, 10) : String(Number(uk.slice(6, 10)) - 1));

let files: DemoFile[];
let out: string;
const csv = (entity: string) => readCsvFile(files.find((f) => f.entity === entity)!.file);

beforeAll(async () => {
  out = tmp('clean');
  files = await writeComplaintsDemo({ ...PERIOD, out, faultRate: 0 });
});

describe('writeComplaintsDemo', () => {
  it('writes the five exports into <out>/complaints, stamped with the data-as-at time', () => {
    expect(files.map((f) => [path.relative(out, f.file), f.entity])).toEqual([
      ['complaints/complaints.csv', 'complaints'],
      ['complaints/complaint-issues.csv', 'complaint_issues'],
      ['complaints/ombudsman-cases.csv', 'ombudsman_cases'],
      ['complaints/compliments.csv', 'compliments'],
      ['complaints/comments.csv', 'comments'],
    ]);
    for (const f of files) {
      expect(statSync(f.file).mtime.toISOString(), f.entity).toBe('2021-04-01T07:00:00.000Z');
      expect(readCsvFile(f.file).rows.length, f.entity).toBe(f.rows);
      expect(f.faults).toBe(0);
    }
  });

  it('writes byte-identical files for the same seed, and different ones for another seed', async () => {
    const again = await writeComplaintsDemo({ ...PERIOD, out: tmp('again'), faultRate: 0 });
    for (const [i, f] of files.entries())
      expect(readFileSync(again[i]!.file).equals(readFileSync(f.file)), f.entity).toBe(true);
    const other = await writeComplaintsDemo({ ...PERIOD, seed: 7, out: tmp('other'), faultRate: 0 });
    expect(readFileSync(other[0]!.file).equals(readFileSync(files[0]!.file))).toBe(false);
  });

  it("receives about the annual report's stage 1 complaints a year by procedure, and its compliments", () => {
    const counts = new Map<string, number>();
    for (const r of csv('complaints').rows) {
      if (r.Stage !== 'Stage 1') continue;
      const key = `${fy(r['Date Received']!)} ${r['Complaint Procedure']}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    // Dudley 2019/20: 28 statutory, 174 corporate, 54 SEND. Allow three Poisson standard deviations either way.
    const band = (n: number, target: number) => expect(Math.abs(n - target)).toBeLessThanOrEqual(3 * Math.sqrt(target));
    for (const year of ['2019', '2020']) {
      for (const [procedure, target] of [
        ['Statutory', 28],
        ['Corporate', 174],
        ['SEND', 54],
      ] as const)
        band(counts.get(`${year} ${procedure}`) ?? 0, target);
      band(csv('compliments').rows.filter((r) => fy(r['Date Received']!) === year).length, 108);
      const comments = csv('comments').rows.filter((r) => fy(r['Date Received']!) === year).length;
      expect(comments).toBeGreaterThan(5);
      expect(comments).toBeLessThan(40);
    }
  });

  it("upholds in the report's proportions, answers most on time, escalates a handful and sends a few to the Ombudsman", () => {
    const cal = WorkingCalendar.englandAndWales();
    const stage1 = csv('complaints').rows.filter((r) => r.Stage === 'Stage 1');
    const share = (rows: Record<string, string>[], pred: (r: Record<string, string>) => boolean) =>
      rows.filter(pred).length / rows.length;
    const byProcedure = (p: string) => stage1.filter((r) => r['Complaint Procedure'] === p && r.Outcome);
    const upheldOrPartly = (r: Record<string, string>) => r.Outcome === 'Upheld' || r.Outcome === 'Partially upheld';
    expect(share(byProcedure('Statutory'), upheldOrPartly)).toBeGreaterThan(0.15); // report: 32%
    expect(share(byProcedure('Statutory'), upheldOrPartly)).toBeLessThan(0.5);
    expect(share(byProcedure('Corporate'), upheldOrPartly)).toBeGreaterThan(0.2); // report: 33%
    expect(share(byProcedure('Corporate'), upheldOrPartly)).toBeLessThan(0.45);
    expect(share(byProcedure('SEND'), upheldOrPartly)).toBeGreaterThan(0.5); // report: 70%
    const answered = stage1.filter((r) => r['Response Date']);
    const within = (p: string, days: number) =>
      share(
        answered.filter((r) => r['Complaint Procedure'] === p),
        (r) => cal.workingDaysBetween(iso(r['Date Received']!), iso(r['Response Date']!)) <= days,
      );
    expect(within('Statutory', 20)).toBeGreaterThan(0.6);
    expect(within('Statutory', 10)).toBeLessThan(within('Statutory', 20));
    expect(within('Corporate', 20)).toBeGreaterThan(0.5);
    expect(within('Corporate', 20)).toBeLessThan(0.95); // some are late
    expect(within('SEND', 20)).toBeGreaterThan(0.5);

    const later = csv('complaints').rows.filter((r) => r.Stage !== 'Stage 1');
    expect(later.length).toBeGreaterThanOrEqual(2);
    expect(later.length).toBeLessThanOrEqual(24);
    expect(later.some((r) => r.Stage === 'Stage 3')).toBe(true);
    const refs = new Map(csv('complaints').rows.map((r) => [r['Complaint Reference']!, r]));
    for (const r of later)
      expect(refs.get(r['Escalated From']!)?.Stage, r['Complaint Reference']).toBe(
        `Stage ${Number(r.Stage!.slice(-1)) - 1}`,
      );

    const lgo = csv('ombudsman_cases').rows;
    expect(lgo.length).toBeGreaterThanOrEqual(2);
    expect(lgo.length).toBeLessThanOrEqual(20);
    for (const r of lgo) if (r['Complaint Reference']) expect(refs.has(r['Complaint Reference'])).toBe(true);

    const young = share(
      stage1.filter((r) => r['Complaint Procedure'] !== 'SEND'),
      (r) => r['Complainant Is Young Person'] === 'Y',
    );
    expect(young).toBeGreaterThan(0.02); // report: 14 of 202
    expect(young).toBeLessThan(0.15);
  });

  it('gives every complaint one to three issues, and names only teams from the teams seed', () => {
    const perComplaint = new Map<string, number>();
    for (const r of csv('complaint_issues').rows)
      perComplaint.set(r['Complaint Reference']!, (perComplaint.get(r['Complaint Reference']!) ?? 0) + 1);
    const complaints = csv('complaints').rows;
    for (const c of complaints) expect(perComplaint.get(c['Complaint Reference']!) ?? 0).toBeGreaterThanOrEqual(1);
    expect(Math.max(...perComplaint.values())).toBe(3);
    expect(perComplaint.size).toBe(complaints.length);
    const teams = new Set(readSeed('teams').map((t) => t.team_name));
    for (const entity of ['complaints', 'compliments', 'comments'])
      for (const r of csv(entity).rows) expect(teams.has(r.Team), `${entity} ${r.Team}`).toBe(true);
  });

  it('writes no file for an export with nothing in the period, since the extract fails a header-only file', async () => {
    const dir = tmp('short');
    // Seed 7 over these six months opens no Ombudsman case.
    const short = await writeComplaintsDemo({
      ...PERIOD,
      seed: 7,
      from: '2020-01-06',
      to: '2020-07-05',
      out: dir,
      faultRate: 0,
    });
    expect(short.map((f) => f.entity)).toEqual(['complaints', 'complaint_issues', 'compliments', 'comments']);
    expect(existsSync(path.join(dir, 'complaints', 'ombudsman-cases.csv'))).toBe(false);
    for (const f of short) expect(f.rows, f.entity).toBeGreaterThan(0);
  });

  it('scales volumes', async () => {
    const double = await writeComplaintsDemo({ ...PERIOD, scale: 2, out: tmp('double'), faultRate: 0 });
    const stage1 = (f: DemoFile) => readCsvFile(f.file).rows.filter((r) => r.Stage === 'Stage 1').length;
    expect(stage1(double[0]!) / stage1(files[0]!)).toBeCloseTo(2, 1);
  });

  it('writes rows that all pass their contracts when faults are off', () => {
    for (const f of files) expect(failingRows(f), f.entity).toBe(0);
  });

  it('spoils exactly the rows it reports when faults are on, and only those', async () => {
    const faulty = await writeComplaintsDemo({ ...PERIOD, out: tmp('faults'), faultRate: 0.05 });
    expect(faulty.reduce((s, f) => s + f.faults, 0)).toBeGreaterThan(40);
    for (const [i, f] of faulty.entries()) {
      expect(f.rows, f.entity).toBe(files[i]!.rows); // faults spoil rows; they never change what was generated
      expect(failingRows(f), f.entity).toBe(f.faults);
    }
  });
});
