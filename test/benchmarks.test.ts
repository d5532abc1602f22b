// The DfE comparators: the bundled snapshot (sql/seeds/benchmarks, from the DfE's LAIT data) built by dbt into
// marts.fct_benchmarks, then read by the scorecard. Every neighbour average, quartile and band is recomputed
// here from the seed CSVs alone, with the quantile rule written out (R's default, linear interpolation, which
// the LAIT uses), so neither the SQL nor the scorecard can drift from what the DfE's own tool would show.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger.js';
import { sqlDir } from '../core/paths.js';
import { dbtBuild } from '../pipelines/transform/dbt.js';
import { Warehouse } from '../core/warehouse.js';
import type { AppendixMeta } from '../reports/lib/appendix.js';
import { TABLE_HEADER_ROW } from '../reports/lib/xlsx.js';
import {
  addComparatorSheet,
  collectionYearOf,
  COMPARATOR_COLUMNS,
  loadComparators,
  type Comparators,
} from '../reports/scorecard/comparators.js';
import type { ShownKpi } from '../reports/scorecard/view.js';
import { tempDir } from './helpers/tmp.js';

const DUDLEY = 332;
const seed = (name: string) =>
  parse(readFileSync(path.join(sqlDir, 'seeds', 'benchmarks', `${name}.csv`)), { columns: true }) as Record<
    string,
    string
  >[];
const figures = seed('dfe_figures');
const las = seed('local_authorities');
const neighbours = seed('statistical_neighbours');
const measures = new Map(seed('dfe_measures').map((m) => [m.dfe_measure_code!, m]));
const map = seed('kpi_benchmark_map');

/** R's quantile(type = 7): the value at position (n - 1) p of the sorted values, interpolated. */
function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!);
}

function recount(code: string, year: number, la: number) {
  const m = map.find((x) => x.dfe_measure_code === code)!;
  const turn = (v: number) => (m.transform === 'complement' ? 100 - v : v);
  const value = (area: number): number | null => {
    const f = figures.find(
      (x) => x.dfe_measure_code === code && Number(x.year) === year && Number(x.area_code) === area,
    );
    return f && f.value !== '' ? turn(Number(f.value)) : null;
  };
  const laCodes = new Set(las.map((l) => Number(l.la_code)));
  const all = figures
    .filter(
      (x) =>
        x.dfe_measure_code === code && Number(x.year) === year && laCodes.has(Number(x.area_code)) && x.value !== '',
    )
    .map((x) => turn(Number(x.value)))
    .sort((a, b) => a - b);
  const grouping = [...new Set(neighbours.map((n) => n.grouping!))]
    .sort((a, b) => Date.parse(`1 ${a}`) - Date.parse(`1 ${b}`))
    .at(-1);
  const sn = neighbours
    .filter((n) => Number(n.la_code) === la && n.grouping === grouping)
    .map((n) => value(Number(n.neighbour_la_code)))
    .filter((v): v is number => v !== null);
  const polarity0 = measures.get(code)!.polarity;
  const polarity =
    m.transform === 'complement'
      ? (({ High: 'Low', Low: 'High' } as Record<string, string>)[polarity0!] ?? polarity0)
      : polarity0;
  const own = value(la);
  const [q1, q2, q3] = [0.25, 0.5, 0.75].map((p) => quantile(all, p)) as [number, number, number];
  let band: string | null = null;
  if (own !== null && (polarity === 'High' || polarity === 'Low')) {
    const rank = own <= q1 ? 0 : own <= q2 ? 1 : own <= q3 ? 2 : 3;
    band = (polarity === 'Low' ? 'ABCD' : 'DCBA')[rank]!;
  }
  const region = Number(las.find((l) => Number(l.la_code) === la)!.region_code);
  return {
    own,
    england: value(970),
    region: value(region),
    sn: sn.length ? sn.reduce((a, b) => a + b, 0) / sn.length : null,
    snCount: sn.length,
    band,
    q1,
    q2,
    q3,
  };
}

let db: Warehouse;

beforeAll(async () => {
  const dir = tempDir('benchmarks');
  const warehouse = path.join(dir, 'warehouse.duckdb');
  // Only what the comparators need: their seeds, the KPI definitions they refer to, and the mart.
  const built = await dbtBuild({
    warehouse,
    workDir: dir,
    logDir: dir,
    log: silentLogger(),
    args: ['--select', '+fct_benchmarks', 'kpi_definitions', 'dfe_release', '--indirect-selection', 'cautious'],
  });
  expect(built.failures).toEqual([]);
  db = await Warehouse.open(warehouse, { readOnly: true });
});

afterAll(() => db?.close());

describe('DfE comparators', () => {
  it('ships the snapshot with its source and licence, and every mapped measure for England, every region and Dudley', () => {
    const [release] = seed('dfe_release');
    expect(release!.licence).toMatch(/Open Government Licence v3\.0/);
    expect(release!.source).toMatch(/local-authority-interactive-tool/);
    for (const m of map) {
      expect(measures.has(m.dfe_measure_code!), m.dfe_measure_code).toBe(true);
      for (const area of [970, 980, 984, 988, DUDLEY])
        expect(
          figures.some((f) => f.dfe_measure_code === m.dfe_measure_code && Number(f.area_code) === area),
          `${m.dfe_measure_code} for ${area}`,
        ).toBe(true);
    }
    expect(new Set(las.map((l) => l.la_code)).size).toBeGreaterThanOrEqual(150);
    expect(neighbours.filter((n) => Number(n.la_code) === DUDLEY)).toHaveLength(10);
  });

  it('fct_benchmarks holds, for Dudley, every year of every mapped measure exactly as recounted from the seeds', async () => {
    const rows = await db.json<{
      dfe_measure_code: string;
      year: number;
      la_value: number | null;
      england_value: number | null;
      region_value: number | null;
      sn_average: number | null;
      sn_count: number;
      quartile_band: string | null;
      q1: number;
      median: number;
      q3: number;
    }>(
      `SELECT dfe_measure_code, year, la_value, england_value, region_value, sn_average, sn_count::INTEGER AS sn_count, quartile_band, q1, median, q3 FROM marts.fct_benchmarks WHERE la_code = ${DUDLEY}`,
    );
    const expected = figures.filter((f) => Number(f.area_code) === DUDLEY).length;
    expect(rows.length).toBe(expected);
    const close = (a: number | null, b: number | null) =>
      a === null || b === null ? expect(a).toBe(b) : expect(a).toBeCloseTo(b, 9);
    for (const r of rows) {
      const e = recount(r.dfe_measure_code, r.year, DUDLEY);
      close(r.la_value, e.own);
      close(r.england_value, e.england);
      close(r.region_value, e.region);
      close(r.sn_average, e.sn);
      expect(r.sn_count).toBe(e.snCount);
      close(r.q1, e.q1);
      close(r.median, e.q2);
      close(r.q3, e.q3);
      expect(r.quartile_band, `${r.dfe_measure_code} ${r.year}`).toBe(e.band);
    }
    // Some bands really are A and some D (a test that only ever saw nulls could not fail).
    expect(new Set(rows.map((r) => r.quartile_band))).toEqual(new Set(['A', 'B', 'C', 'D', null]));
  });

  it('gives the scorecard the latest year not after the scorecard month, and its sheet prints the recounted figures', async () => {
    const c = (await loadComparators(db, DUDLEY, '2021-03-01')) as Comparators;
    expect(collectionYearOf('2021-03-01')).toBe(2021);
    expect(collectionYearOf('2021-04-01')).toBe(2022);
    expect(c.laName).toBe('Dudley');
    expect(c.regionName).toBe('West Midlands');
    const mapped = map.filter((m) => m.measure_id);
    expect([...c.byMeasure.keys()].sort()).toEqual(mapped.map((m) => m.measure_id).sort());
    for (const m of mapped) {
      const years = figures
        .filter(
          (f) =>
            f.dfe_measure_code === m.dfe_measure_code &&
            Number(f.area_code) === 970 &&
            f.value !== '' &&
            Number(f.year) <= 2021,
        )
        .map((f) => Number(f.year));
      const year = Math.max(...years);
      const e = recount(m.dfe_measure_code!, year, DUDLEY);
      const got = c.byMeasure.get(m.measure_id!)!;
      expect(got.england).toBeCloseTo(e.england!, 9);
      expect(got.band).toBe(e.band);
      expect(got.yearLabel).toBe(
        measures.get(m.dfe_measure_code!)!.year_type === 'Financial Year'
          ? `${year - 1}/${String(year).slice(2)}`
          : String(year),
      );
    }

    // The Excel sheet, read back: the same figures as printed (whole percentages), our own figure suppressed in public.
    const kpi = (id: string, unit: ShownKpi['unit'], value: number | null, suppressed = false): ShownKpi =>
      ({
        measureId: id,
        name: id,
        priorityArea: 'A',
        unit,
        direction: 'higher',
        definition: {
          numerator: null,
          denominator: null,
          inclusions: null,
          exclusions: null,
          periodRule: null,
          sourceRule: null,
        },
        points: [],
        latest: {
          month: '2021-03-01',
          periodLabel: 'March 2021',
          numerator: null,
          denominator: null,
          value,
          target: null,
          rag: null,
          suppressed,
        },
      }) as ShownKpi;
    const kpis = [
      kpi('re_referrals_12_months', 'percent', 24.6),
      kpi('average_caseload', 'ratio', 25.74),
      kpi('cp_repeat_plans', 'percent', null, true),
      kpi('not_a_dfe_measure', 'percent', 50),
    ];
    const meta = {
      council: 'Testshire',
      directorate: 'CS',
      committee: 'C',
      meetingDate: null,
      appendixNumber: '2',
      title: 'Scorecard',
      period: 'March 2021',
      dataAsAt: '2021-04-01T00:00:00Z',
      source: 's',
      runId: 'r',
      generatedAt: '2021-04-02T00:00:00Z',
      variant: 'public',
    } as AppendixMeta;
    const wb = new ExcelJS.Workbook();
    addComparatorSheet(wb, meta, kpis, c);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const ws = back.getWorksheet('Comparators')!;
    const cell = (r: number, key: string) =>
      ws.getRow(TABLE_HEADER_ROW + r).getCell(COMPARATOR_COLUMNS.indexOf(key) + 1).value;
    expect([1, 2, 3].map((r) => cell(r, 'measure'))).toEqual([
      're_referrals_12_months',
      'average_caseload',
      'cp_repeat_plans',
    ]);
    expect(cell(4, 'measure')).toBeNull(); // a KPI with no DfE equivalent is not listed
    expect(cell(1, 'ours')).toBe(0.25); // 24.6% stored as shown: 25%
    expect(cell(2, 'ours')).toBe(25.7);
    expect(cell(3, 'ours')).toBe('c');
    const rr = c.byMeasure.get('re_referrals_12_months')!;
    expect(cell(1, 'england')).toBe(Math.round(rr.england!) / 100);
    expect(cell(1, 'sn')).toBe(Math.round(rr.snAverage!) / 100);
    expect(cell(1, 'band')).toBe(rr.band);
  });

  it('names a code the snapshot does not know, and gives no comparators when none is configured', async () => {
    await expect(loadComparators(db, 999, '2021-03-01')).rejects.toThrow(
      /council\.laCode 999 is not a local authority in the DfE snapshot/,
    );
    expect(await loadComparators(db, undefined, '2021-03-01')).toBeNull();
  });
});
