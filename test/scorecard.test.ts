// The Improvement plan scorecard on a real warehouse: demo exports -> `csp run` -> buildScorecard, read back
// with exceljs and checked against an independent query of marts.kpi_monthly, for both variants.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config.js';
import { Warehouse } from '../core/warehouse.js';
import type { ManifestEntry } from '../reports/lib/appendix.js';
import { buildScorecard, REPORT_ID } from '../reports/scorecard/build.js';
import { csp } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

const THRESHOLD = 5;
const HEADER_ROW = 4;
// Scorecard sheet columns, written out here rather than imported, so a reordering is caught.
const C = {
  area: 1,
  measure: 2,
  month: 3,
  value: 4,
  target: 5,
  rag: 6,
  direction: 7,
  numerator: 8,
  denominator: 9,
  definition: 11,
};

// A type alias, not an interface, so it satisfies Warehouse.json's Row constraint.
type MartRow = {
  measure_id: string;
  measure_name: string;
  unit: 'percent' | 'ratio' | 'count';
  m: string;
  period_label: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: number | null;
  rag: string | null;
};

let db: Warehouse;
let out: string;
let rows: MartRow[];
const made: Record<'public' | 'restricted', ManifestEntry[]> = { public: [], restricted: [] };
const config = parseConfig({
  council: { name: 'Testshire County Council', laCode: 332 },
  committee: { name: 'Children and Young People Scrutiny Committee', meetingDate: '2021-04-20' },
});
const small = (n: number | null) => n !== null && n >= 1 && n <= THRESHOLD;
/** The public rule, written out here: a small numerator or denominator, or for a percentage a small complement ("13 of 16" leaves 3). */
const hidden = (r: Pick<MartRow, 'unit' | 'numerator' | 'denominator'>) =>
  small(r.numerator) ||
  small(r.denominator) ||
  (r.unit === 'percent' && r.numerator !== null && r.denominator !== null && small(r.denominator - r.numerator));
/** A public value as printed: whole percentages and counts, caseloads to one decimal (so the cell holds no more than the page). */
const printed = (r: Pick<MartRow, 'unit' | 'value'>) =>
  r.unit === 'ratio' ? Math.round(r.value! * 10) / 10 : Math.round(r.value!);

async function sheet(variant: 'public' | 'restricted', name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, made[variant].find((m) => m.format === 'xlsx')!.file));
  return wb.getWorksheet(name)!;
}
function rowsByMeasure(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Row> {
  const map = new Map<string, ExcelJS.Row>();
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const name = ws.getRow(r).getCell(C.measure).value;
    if (typeof name === 'string' && name) map.set(name, ws.getRow(r));
  }
  return map;
}

beforeAll(async () => {
  const dir = tempDir('scorecard');
  const data = path.join(dir, 'data');
  const input = path.join(dir, 'exports');
  const cfgFile = path.join(dir, 'csp.config.json');
  writeFileSync(cfgFile, JSON.stringify({ council: { name: 'Testshire County Council' } }));
  const demo = await csp(
    ['demo', '--out', input, '--seed', '11', '--from', '2020-04-01', '--to', '2021-03-31', '--no-faults'],
    { CSP_DATA_DIR: data },
  );
  expect(demo.code, demo.stderr).toBe(0);
  const run = await csp(['run', '--input', input, '--config', cfgFile], { CSP_DATA_DIR: data });
  expect(run.code, run.stderr).toBe(0);
  db = await Warehouse.open(path.join(data, 'warehouse.duckdb'), { readOnly: true });
  // Independent of the report: every month row of the mart in the 12 months to March 2021 (the demo ends on
  // 31 March 2021 and is taken on 1 April, so March is the latest complete month).
  rows = await db.json<MartRow>(
    `SELECT measure_id, measure_name, unit, strftime(period_start, '%Y-%m-%d') AS m, period_label, numerator::DOUBLE AS numerator,
            denominator::DOUBLE AS denominator, value::DOUBLE AS value, target::DOUBLE AS target, rag
     FROM marts.kpi_monthly WHERE period_type = 'month' AND period_start BETWEEN DATE '2020-04-01' AND DATE '2021-03-01'`,
  );
  out = path.join(dir, 'out');
  for (const variant of ['public', 'restricted'] as const)
    made[variant] = await buildScorecard(db, { config, outDir: out, runId: 'test-run', variant });
});

afterAll(() => db?.close());

describe('scorecard appendix on a real warehouse', () => {
  it('writes xlsx and PDF for each variant, restricted ones suffixed, for March 2021 by default', () => {
    expect(made.public.map((m) => m.file)).toEqual([
      'appendix-2-scorecard-2021-03-31.xlsx',
      'appendix-2-scorecard-2021-03-31.pdf',
    ]);
    expect(made.restricted.map((m) => m.file)).toEqual([
      'appendix-2-scorecard-2021-03-31-restricted.xlsx',
      'appendix-2-scorecard-2021-03-31-restricted.pdf',
    ]);
    for (const m of [...made.public, ...made.restricted])
      expect(m).toMatchObject({
        report: REPORT_ID,
        appendix: '2',
        periodEnd: '2021-03-31',
        dataAsAt: '2021-04-01T07:00:00Z',
        runId: 'test-run',
      });
  });

  it('shows every KPI with its latest value, target and RAG exactly as the mart has them (restricted)', async () => {
    const ws = await sheet('restricted', 'Scorecard');
    const shown = rowsByMeasure(ws);
    const march = rows.filter((r) => r.m === '2021-03-01');
    const measures = await db.json<{ n: number }>(
      `SELECT count(DISTINCT measure_id)::INTEGER AS n FROM marts.kpi_monthly`,
    );
    expect(march).toHaveLength(measures[0]!.n);
    expect(shown.size).toBe(march.length);
    for (const r of march) {
      const row = shown.get(r.measure_name)!;
      expect(row, r.measure_id).toBeDefined();
      expect(r.value, `${r.measure_id} has a March value in the demo`).not.toBeNull();
      expect(row.getCell(C.month).value).toBe('March 2021');
      const scale = r.unit === 'percent' ? 100 : 1; // percent is stored as a fraction for Excel's 0%
      expect((row.getCell(C.value).value as number) * scale, r.measure_id).toBeCloseTo(r.value!, 9);
      if (r.target === null) expect(row.getCell(C.target).value).toBeNull();
      else expect((row.getCell(C.target).value as number) * scale).toBeCloseTo(r.target, 9);
      expect(row.getCell(C.rag).value, r.measure_id).toBe(r.rag ?? (r.target === null ? 'No target' : null));
      if (r.unit !== 'count')
        expect([row.getCell(C.numerator).value, row.getCell(C.denominator).value]).toEqual([
          r.numerator,
          r.denominator,
        ]);
      expect(row.getCell(C.value).numFmt).toBe(r.unit === 'percent' ? '0%' : r.unit === 'ratio' ? '0.0' : '#,##0');
    }
    expect(String(ws.getCell('A2').value)).toMatch(/RESTRICTED/);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
  });

  it('suppresses small numbers in the public file and nothing else', async () => {
    const ws = await sheet('public', 'Scorecard');
    const shown = rowsByMeasure(ws);
    let suppressed = 0;
    for (const r of rows.filter((x) => x.m === '2021-03-01')) {
      const row = shown.get(r.measure_name)!;
      if (hidden(r)) {
        suppressed++;
        expect([row.getCell(C.value).value, row.getCell(C.rag).value], r.measure_id).toEqual(['c', 'c']);
        if (r.unit !== 'count')
          expect([row.getCell(C.numerator).value, row.getCell(C.denominator).value]).toEqual(['c', 'c']);
      } else {
        const scale = r.unit === 'percent' ? 100 : 1;
        expect((row.getCell(C.value).value as number) * scale, r.measure_id).toBeCloseTo(printed(r), 9);
        expect(row.getCell(C.rag).value).toBe(r.rag ?? (r.target === null ? 'No target' : null));
      }
    }
    expect(suppressed, 'the demo has small numbers to suppress').toBeGreaterThan(0);
    expect(String(ws.getCell('A2').value)).not.toMatch(/RESTRICTED/);
    // No numerator or denominator of 1..5 anywhere on the sheet.
    for (let r = HEADER_ROW + 1; r <= HEADER_ROW + shown.size; r++) {
      for (const c of [C.numerator, C.denominator]) {
        const v = ws.getRow(r).getCell(c).value;
        if (typeof v === 'number') expect(small(v), `row ${r} col ${c}: ${v}`).toBe(false);
      }
    }
  });

  it('shows no suppressed month as a number in the public trend sheet, and every month in the restricted one', async () => {
    for (const variant of ['public', 'restricted'] as const) {
      const ws = await sheet(variant, 'Trend');
      const head = ws.getRow(HEADER_ROW);
      expect([head.getCell(4).value, head.getCell(15).value]).toEqual(['Apr 2020', 'Mar 2021']);
      let checked = 0;
      for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        if (row.getCell(3).value !== 'Value') continue;
        for (let j = 0; j < 12; j++) {
          const month = `${j < 9 ? 2020 : 2021}-${String(((j + 3) % 12) + 1).padStart(2, '0')}-01`;
          const mart = rows.find((x) => x.measure_name === row.getCell(2).value && x.m === month);
          const cell = row.getCell(4 + j).value;
          const scale = mart?.unit === 'percent' ? 100 : 1;
          if (!mart || mart.value === null) expect(cell).toBeNull();
          else if (variant === 'public' && hidden(mart)) expect(cell, `${mart.measure_id} ${month}`).toBe('c');
          else
            expect((cell as number) * scale, `${mart.measure_id} ${month}`).toBeCloseTo(
              variant === 'public' ? printed(mart) : mart.value,
              9,
            );
          checked++;
        }
      }
      expect(checked).toBe(12 * new Set(rows.map((r) => r.measure_id)).size);
    }
  });

  it('sets each KPI with a DfE equivalent beside the DfE figures for its LA code, in both variants (marts.fct_benchmarks is recounted in benchmarks.test.ts)', async () => {
    const dfe = await db.json<{
      measure_id: string;
      year_label: string;
      england_value: number;
      region_value: number | null;
      sn_average: number | null;
      quartile_band: string | null;
    }>(
      `SELECT measure_id, year_label, england_value, region_value, sn_average, quartile_band FROM marts.fct_benchmarks
       WHERE la_code = 332 AND measure_id IS NOT NULL AND year <= 2021 AND england_value IS NOT NULL
       QUALIFY row_number() OVER (PARTITION BY measure_id ORDER BY year DESC) = 1`,
    );
    const names = new Map(rows.map((r) => [r.measure_id, { name: r.measure_name, unit: r.unit }]));
    const expected = dfe.filter((d) => names.has(d.measure_id));
    expect(expected.length).toBeGreaterThanOrEqual(5);
    for (const variant of ['public', 'restricted'] as const) {
      const ws = await sheet(variant, 'Comparators');
      const byName = new Map<string, ExcelJS.Row>();
      const kpiNames = new Set([...names.values()].map((n) => n.name)); // (the sheet's note sits under the table)
      for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++)
        if (kpiNames.has(String(ws.getRow(r).getCell(1).value)))
          byName.set(String(ws.getRow(r).getCell(1).value), ws.getRow(r));
      expect(byName.size, variant).toBe(expected.length);
      for (const d of expected) {
        const { name, unit } = names.get(d.measure_id)!;
        const row = byName.get(name)!;
        const asShown = (v: number | null) =>
          v === null
            ? null
            : unit === 'percent'
              ? Math.round(v) / 100
              : unit === 'ratio'
                ? Math.round(v * 10) / 10
                : Math.round(v);
        // Columns: measure, ours, DfE year, our published, England, region, neighbours, neighbours with a figure, band, note.
        expect(
          [
            row.getCell(3).value,
            row.getCell(5).value,
            row.getCell(6).value,
            row.getCell(7).value,
            row.getCell(9).value,
          ],
          `${variant} ${d.measure_id}`,
        ).toEqual([
          d.year_label,
          asShown(d.england_value),
          asShown(d.region_value),
          asShown(d.sn_average),
          d.quartile_band,
        ]);
      }
    }
  });

  it('states the suppression rule and every definition on the About sheet', async () => {
    const about = await sheet('public', 'About');
    const text = about
      .getSheetValues()
      .flat()
      .filter((v): v is string => typeof v === 'string')
      .join('\n');
    expect(text).toMatch(/between 1 and 5 .* is shown as 'c'/);
    for (const r of rows.filter((x) => x.m === '2021-03-01')) expect(text).toContain(r.measure_name);
  });

  it('writes A4 landscape PDFs with pages, RESTRICTED marked only on the restricted one', () => {
    for (const variant of ['public', 'restricted'] as const) {
      const pdf = readFileSync(path.join(out, made[variant].find((m) => m.format === 'pdf')!.file)).toString('latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      const pages = pdf.match(/\/Type \/Page\b/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(pdf.match(/\/MediaBox \[0 0 841\.89 595\.28\]/g)?.length).toBe(pages.length);
    }
  });

  it('reports a chosen month end, and the month before for a mid-month date', async () => {
    const jan = await buildScorecard(db, {
      config,
      outDir: out,
      runId: 'test-run',
      variant: 'restricted',
      periodEnd: '2021-02-15',
    });
    expect(jan[0]!.file).toBe('appendix-2-scorecard-2021-01-31-restricted.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, jan[0]!.file));
    const shown = rowsByMeasure(wb.getWorksheet('Scorecard')!);
    const r = rows.find((x) => x.measure_id === 'contacts_decided_within_1_wd' && x.m === '2021-01-01')!;
    expect(shown.get(r.measure_name)!.getCell(C.month).value).toBe('January 2021');
    expect((shown.get(r.measure_name)!.getCell(C.value).value as number) * 100).toBeCloseTo(r.value!, 9);
  });
});
