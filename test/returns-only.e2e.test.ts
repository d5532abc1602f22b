// A council that sends only its statutory returns: `csp demo --returns` writes the SSDA903 CSVs and the CIN
// census XML, `csp run` builds the warehouse and the appendices from them, and the care-leaver EET rate equals a
// recount made here from the OC3 file the demo wrote.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { venvBinDir } from '../pipelines/paths.js';
import { csp } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

let data: string;
let input: string;
let runOut: { code: number; stdout: string; stderr: string };

const query = (sql: string): string[][] =>
  execFileSync(path.join(venvBinDir, 'duckdb'), ['-readonly', '-csv', '-noheader', path.join(data, 'warehouse.duckdb'), '-c', sql], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.split(','));

beforeAll(async () => {
  const dir = tempDir('returns');
  data = path.join(dir, 'data');
  input = path.join(dir, 'returns');
  const demo = await csp(['demo', '--returns', '--out', input], { CSP_DATA_DIR: data });
  expect(demo.code, demo.stderr).toBe(0);
  runOut = await csp(['run', '--input', input], { CSP_DATA_DIR: data });
}, 900_000);

/** Age in whole years on a day, from dd/mm/yyyy (written here, not borrowed from the pipeline). */
function ageOn(dobUk: string, isoDay: string): number {
  const [d, m, y] = dobUk.split('/');
  const [ty, tm, td] = isoDay.split('-');
  return Number(ty) - Number(y) - (`${tm}-${td}` < `${m}-${d}` ? 1 : 0);
}

describe('returns only: csp demo --returns then csp run', () => {
  it('writes the 903 CSV set and the CIN census XML, and the run lands them all and builds the appendices', () => {
    expect(readdirSync(input).sort()).toEqual(['cin-census.xml', 'ssda903']);
    expect(readdirSync(path.join(input, 'ssda903')).sort()).toEqual(['ad1.csv', 'episodes.csv', 'header.csv', 'missing.csv', 'oc3.csv', 'placed-adoption.csv', 'reviews.csv']);
    expect(runOut.code, runOut.stderr + runOut.stdout.slice(-3000)).toBe(0);
    const appendices = readdirSync(path.join(data, 'appendices'));
    expect(appendices.some((f) => f.endsWith('.xlsx'))).toBe(true);
    // Every stream of the XML landed into its own table, and the deliberate faults were rejected, not dropped.
    const loads = query("SELECT source, sum(rows_read) = sum(rows_landed) + sum(rows_rejected), sum(rows_landed) > 0 FROM raw._loads WHERE status = 'loaded' AND is_current GROUP BY source ORDER BY source");
    expect(loads.map((l) => l[0])).toEqual([
      'cin_census.assessments', 'cin_census.cp_plans', 'cin_census.cp_reviews', 'cin_census.referrals', 'cin_census.s47_enquiries',
      'ssda903.ad1', 'ssda903.episodes', 'ssda903.header', 'ssda903.missing', 'ssda903.oc3', 'ssda903.placed_adoption', 'ssda903.reviews',
    ]);
    for (const l of loads) expect(l.slice(1)).toEqual(['true', 'true']);
    // The facts fill from the returns alone.
    const facts = query('SELECT (SELECT count(*) FROM marts.fct_assessments) > 0, (SELECT count(*) FROM marts.fct_cp_plans) > 0, (SELECT count(*) FROM marts.fct_referrals) > 0, (SELECT count(*) FROM marts.fct_permanency) > 0');
    expect(facts).toEqual([['true', 'true', 'true', 'true']]);
  });

  it('reports the care-leaver EET rate (aged 19-21, March 2021) exactly as recounted from the OC3 file', () => {
    const oc3 = parse(readFileSync(path.join(input, 'ssda903', 'oc3.csv')), { columns: true, bom: true }) as Record<string, string>[];
    // DfE: care leavers aged 19-21 at the month end, less those who died or returned home; EET = F1-F5, P1-P5.
    const inScope = oc3.filter((r) => {
      const age = ageOn(r.DOB!, '2021-03-31');
      return age >= 19 && age <= 21 && !['DIED', 'RHOM'].includes(r.IN_TOUCH!);
    });
    const eet = inScope.filter((r) => /^[FP][1-5]$/.test(r.ACTIV ?? '')).length;
    expect(inScope.length).toBeGreaterThan(50);
    const kpi = query("SELECT numerator::INTEGER, denominator::INTEGER FROM marts.kpi_monthly WHERE measure_id = 'care_leavers_19_21_eet' AND period_type = 'month' AND period_label = 'March 2021'");
    expect(kpi).toEqual([[String(eet), String(inScope.length)]]);
    const fct = query("SELECT count(*) FILTER (WHERE activity_status = 'EET'), count(*) FROM marts.fct_care_leaver_eet WHERE month_end = DATE '2021-03-31' AND is_aged_19_21 AND NOT is_dfe_excluded");
    expect(fct).toEqual([[String(eet), String(inScope.length)]]);
  });
});
