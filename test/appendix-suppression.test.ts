// Public appendices never publish a small number: `csp run` on a short demo period (where small counts do occur),
// then every public workbook is read back cell by cell. The restricted workbook is checked against the warehouse,
// queried here with the duckdb shell, not through the report code.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { venvBinDir } from '../core/paths.js';
import { csp, logLines } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

const THRESHOLD = 5; // the default suppression.threshold
const STEM = 'appendix-1-contact-activity-2020-06-14';
const WEEKS = 6;
const FIRST_WEEK = '2020-05-04';
const AREAS = ['EDT', 'MASH', 'Assessment', 'Case Management', 'CLA', 'Disability'];

/**
 * How each count table of the appendix is laid out (header on row 4, data from row 5; columns 1-based):
 * which columns are counts, which column totals which, and which label marks the total row.
 */
interface Layout {
  counts: number[];
  totalColumn?: { col: number; of: number[] };
  totalLabel: string;
  /** Columns shown as "c" whenever one of `of` is: a percentage of two counts. */
  derived?: { col: number; of: number[] }[];
}
const LAYOUTS: Record<string, Layout> = {
  'Weekly contacts': { counts: [3, 4, 5], totalColumn: { col: 5, of: [3, 4] }, totalLabel: 'Total' },
  'Decided in 1 working day': { counts: [3, 4], totalLabel: 'Whole period', derived: [{ col: 5, of: [3, 4] }] },
};
/** The restricted open-case table: weekly, one column per service area, then the total. */
const RESTRICTED_OPEN_CASE: Layout = {
  counts: [3, 4, 5, 6, 7, 8, 9],
  totalColumn: { col: 9, of: [3, 4, 5, 6, 7, 8] },
  totalLabel: 'Total',
};
const OPEN_CASE = 'Open case contacts';
// suppression.maxSuppressedShare for this run (default 0.25): on these six weeks weekly by area is 55% "c" and
// 4 weeks by area 29%, so the coarser grain is chosen and still has "c" cells for the other checks to bite on.
const MAX_SHARE = 0.3;

/**
 * The public open-case table's layout as the sheet shows it: its grain may be coarser (blocks of weeks, service
 * groups), so its columns are read from the header row: the first area/group in column 3, the total last.
 */
function openCaseLayout(ws: ExcelJS.Worksheet): Layout {
  const header = ws.getRow(4);
  let last = 3;
  while (
    header.getCell(last + 1).value !== null &&
    header.getCell(last + 1).value !== undefined &&
    header.getCell(last + 1).value !== ''
  )
    last++;
  expect(header.getCell(last).value, 'the open-case table ends with its total').toBe('Total');
  const parts = Array.from({ length: last - 3 }, (_, i) => 3 + i);
  return { counts: [...parts, last], totalColumn: { col: last, of: parts }, totalLabel: 'Total' };
}
const layoutsOf = (wb: ExcelJS.Workbook): Record<string, Layout> => ({
  ...LAYOUTS,
  [OPEN_CASE]:
    wb.getWorksheet(OPEN_CASE)!.getRow(4).getCell(9).value === 'Total' &&
    wb.getWorksheet(OPEN_CASE)!.getRow(4).getCell(3).value === 'EDT'
      ? RESTRICTED_OPEN_CASE
      : openCaseLayout(wb.getWorksheet(OPEN_CASE)!),
});

/**
 * The public open-case table recounted from the warehouse at the grain the sheet shows: each row's weeks run
 * from its first week to the day before the next row's (the last to the period's end); each column is an area,
 * or a group of areas as the seed service_area_groups (reference.service_area_groups) puts them.
 */
function openCaseRecount(ws: ExcelJS.Worksheet, layout: Layout): number[][] {
  // Area first: a group name may hold commas (the CSV quotes it), so it is the rest of the line, unquoted.
  const groups = query(`SELECT service_area, service_group FROM reference.service_area_groups`).map(([a, ...g]) => [
    g.join(',').replace(/^"|"$/g, ''),
    a!,
  ]);
  const areasOf = (header: string): string[] =>
    AREAS.includes(header) ? [header] : groups.filter(([g]) => g === header).map(([, a]) => a!);
  const rows = tableRows(ws, 'Total');
  const body = rows.slice(0, -1);
  const starts = body.map((r) => (r.getCell(2).value as Date).toISOString().slice(0, 10));
  const lastDay = '2020-06-14';
  const parts = layout.totalColumn!.of;
  const headers = parts.map((c) => String(ws.getRow(4).getCell(c).value));
  for (const h of headers)
    expect(areasOf(h).length, `column '${h}' is a service area or a service group`).toBeGreaterThan(0);
  const count = (from: string, to: string, areas: readonly string[]) =>
    Number(
      query(
        `SELECT count(*) FROM marts.fct_contacts WHERE is_open_case AND NOT is_domestic_abuse_notification AND contact_date BETWEEN DATE '${from}' AND DATE '${to}' AND receiving_service_area IN (${areas.map((a) => `'${a}'`).join(', ')})`,
      )[0]![0],
    );
  const ranges: [string, string][] = starts.map((from, i) => [
    from,
    i + 1 < starts.length ? query(`SELECT strftime(DATE '${starts[i + 1]}' - 1, '%Y-%m-%d')`)[0]![0]! : lastDay,
  ]);
  ranges.push([FIRST_WEEK, lastDay]);
  return ranges.map(([from, to]) => {
    const byPart = headers.map((h) => count(from, to, areasOf(h)));
    return [...byPart, byPart.reduce((s, n) => s + n, 0)];
  });
}

let data: string;
let appendices: string;
let runOut: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  const dir = tempDir('suppression');
  data = path.join(dir, 'data');
  const input = path.join(dir, 'exports');
  const config = path.join(dir, 'csp.config.json');
  // Six weeks of a demo council: the open-case table by service area has plenty of counts from 1 to 5.
  writeFileSync(
    config,
    JSON.stringify({
      council: { name: 'Testshire County Council' },
      suppression: { maxSuppressedShare: MAX_SHARE },
      reports: { contactActivity: { periodEnd: '2020-06-14', compareFrom: '2020-05-25', weeks: WEEKS } },
    }),
  );
  const demo = await csp(
    ['demo', '--out', input, '--seed', '3', '--from', '2020-04-27', '--to', '2020-06-21', '--no-faults'],
    { CSP_DATA_DIR: data },
  );
  expect(demo.code, demo.stderr).toBe(0);
  runOut = await csp(['run', '--input', input, '--config', config], { CSP_DATA_DIR: data });
  appendices = path.join(data, 'appendices');
});

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(appendices, file));
  return wb;
}

/** The data rows of a table sheet: every row from 5 down to and including the total row. */
function tableRows(ws: ExcelJS.Worksheet, totalLabel: string): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  for (let r = 5; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push(row);
    if (row.getCell(1).value === totalLabel) return rows;
  }
  throw new Error(`${ws.name}: no '${totalLabel}' row`);
}

const isC = (v: unknown) => v === 'c';

/** duckdb shell, read-only, CSV without header: the warehouse as an analyst would query it. */
function query(sql: string): string[][] {
  const out = execFileSync(
    path.join(venvBinDir, 'duckdb'),
    ['-readonly', '-csv', '-noheader', path.join(data, 'warehouse.duckdb'), '-c', sql],
    { encoding: 'utf8' },
  );
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(','));
}

describe('csp run builds a public and a restricted appendix', () => {
  it('writes both variants and lists them in the manifest', () => {
    expect(runOut.code, runOut.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(appendices, 'manifest.json'), 'utf8')) as {
      files: { report: string; file: string; variant: string }[];
    };
    expect(
      manifest.files
        .filter((f) => f.report === 'contact-activity')
        .map((f) => `${f.variant} ${f.file}`)
        .sort(),
    ).toEqual([
      `public ${STEM}.pdf`,
      `public ${STEM}.xlsx`,
      `restricted ${STEM}-restricted.pdf`,
      `restricted ${STEM}-restricted.xlsx`,
    ]);
  });
});

describe('csp run on less than a financial year of complaints', () => {
  it('leaves the annual complaints report out with a warning, and still publishes the other appendices', () => {
    expect(runOut.code, runOut.stderr).toBe(0);
    const warnings = logLines(runOut.stdout)
      .filter((l) => l.level === 40 && l.report === 'complaints-annual')
      .map((l) => String(l.msg));
    expect(warnings).toEqual([
      expect.stringMatching(/^report: complaints-annual \(public\) not made: no complete financial year of complaints/),
      expect.stringMatching(
        /^report: complaints-annual \(restricted\) not made: no complete financial year of complaints/,
      ),
    ]);
    const manifest = JSON.parse(readFileSync(path.join(appendices, 'manifest.json'), 'utf8')) as {
      files: { report: string }[];
    };
    expect(manifest.files.some((f) => f.report === 'complaints-annual')).toBe(false);
  });
});

describe('public appendix', () => {
  it('holds no count from 1 to 5 in any count column of any public workbook', async () => {
    const files = readdirSync(appendices).filter(
      (f) => f.endsWith('.xlsx') && !f.includes('restricted') && f.includes('contact-activity'),
    );
    expect(files).toEqual([`${STEM}.xlsx`]);
    let suppressed = 0;
    for (const file of files) {
      const wb = await readBook(file);
      for (const [sheet, layout] of Object.entries(layoutsOf(wb))) {
        const ws = wb.getWorksheet(sheet);
        expect(ws, `${file} has a '${sheet}' sheet`).toBeDefined();
        for (const row of tableRows(ws!, layout.totalLabel)) {
          for (const col of layout.counts) {
            const v = row.getCell(col).value;
            expect(typeof v === 'number' || isC(v), `${sheet} R${row.number}C${col} = ${String(v)}`).toBe(true);
            if (typeof v === 'number')
              expect(v >= 1 && v <= THRESHOLD, `${sheet} R${row.number}C${col} = ${v} is a small count`).toBe(false);
            else suppressed++;
          }
        }
      }
    }
    expect(suppressed, 'the period is short enough that some counts are small').toBeGreaterThan(5);
  });

  it('leaves no single "c" among a total and its parts, so none can be worked out by subtraction', async () => {
    const wb = await readBook(`${STEM}.xlsx`);
    for (const [sheet, layout] of Object.entries(layoutsOf(wb))) {
      const rows = tableRows(wb.getWorksheet(sheet)!, layout.totalLabel);
      const sums: { what: string; cells: unknown[] }[] = [];
      // Down each count column: the body rows and the total row.
      for (const col of layout.counts)
        sums.push({ what: `${sheet} column ${col}`, cells: rows.map((r) => r.getCell(col).value) });
      // Across each row: the parts and the total column.
      if (layout.totalColumn) {
        const { col, of } = layout.totalColumn;
        for (const r of rows)
          sums.push({ what: `${sheet} row ${r.number}`, cells: [...of, col].map((c) => r.getCell(c).value) });
      }
      for (const s of sums) {
        const hidden = s.cells.filter(isC).length;
        expect(hidden === 0 || hidden >= 2, `${s.what}: ${JSON.stringify(s.cells)}`).toBe(true);
      }
      // A percentage is hidden whenever its numerator or denominator is.
      for (const d of layout.derived ?? []) {
        for (const r of rows)
          if (d.of.some((c) => isC(r.getCell(c).value)))
            expect(r.getCell(d.col).value, `${sheet} row ${r.number}`).toBe('c');
      }
    }
  });

  it('shows every figure it does not suppress exactly as the restricted appendix, and hides averages of small counts', async () => {
    const pub = await readBook(`${STEM}.xlsx`);
    const res = await readBook(`${STEM}-restricted.xlsx`);
    let secondary = 0;
    for (const [sheet, layout] of Object.entries(layoutsOf(pub))) {
      const p = tableRows(pub.getWorksheet(sheet)!, layout.totalLabel);
      // The open-case table may be coarser in public: its figures are checked against a recount at its own grain.
      const recount = sheet === OPEN_CASE ? openCaseRecount(pub.getWorksheet(sheet)!, layout) : null;
      const r = tableRows(res.getWorksheet(sheet)!, layout.totalLabel);
      if (!recount) expect(p.length).toBe(r.length);
      for (const [i, row] of p.entries()) {
        for (const [j, col] of layout.counts.entries()) {
          const [pv, rv] = [row.getCell(col).value, recount ? recount[i]![j]! : (r[i]!.getCell(col).value as number)];
          if (isC(pv)) secondary += rv > THRESHOLD ? 1 : 0;
          else expect(pv, `${sheet} R${row.number}C${col}`).toBe(rv);
          if (rv >= 1 && rv <= THRESHOLD) expect(pv, `${sheet} R${row.number}C${col}`).toBe('c');
        }
      }
    }
    expect(secondary, 'some larger counts are hidden to protect small ones').toBeGreaterThan(0);

    // By source: an average is weekly contacts / weeks; its contacts are average x weeks in the restricted file.
    const [ps, rs] = [pub.getWorksheet('By source')!, res.getWorksheet('By source')!];
    const weeks = { 2: 3, 3: 3 } as Record<number, number>; // 3 weeks before 25 May, 3 since
    for (let row = 5; rs.getRow(row).getCell(1).value !== 'Total'; row++) {
      for (const col of [2, 3]) {
        const contacts = Math.round((rs.getRow(row).getCell(col).value as number) * weeks[col]!);
        const shown = ps.getRow(row).getCell(col).value;
        if (contacts >= 1 && contacts <= THRESHOLD)
          expect(shown, `By source R${row}C${col} (${contacts} contacts)`).toBe('c');
        if (shown !== 'c') expect(Number.isInteger(shown), 'public averages are whole numbers').toBe(true);
        if (shown === 'c') expect(ps.getRow(row).getCell(4).value, `By source R${row} change`).toBe('c');
      }
    }
  });

  it('shows the open-case table at the finest grain at which at most the configured share of its figures are "c", and says so', async () => {
    const ws = (await readBook(`${STEM}.xlsx`)).getWorksheet(OPEN_CASE)!;
    const layout = openCaseLayout(ws);
    const rows = tableRows(ws, 'Total');
    const cells = rows.flatMap((r) => layout.counts.map((c) => r.getCell(c).value));
    const share = cells.filter(isC).length / cells.length;
    const text = ws.getSheetValues().flat().join(' ');
    const weekly = layout.counts.length === 7 && ws.getRow(4).getCell(3).value === 'EDT' && rows.length === WEEKS + 1;
    if (weekly) {
      // The finest grain: allowed only when it is within the share.
      expect(share).toBeLessThanOrEqual(MAX_SHARE);
      expect(text).not.toContain('Shown by');
    } else {
      // A coarser grain: the sheet names it and the finer grains' shares, each over the limit.
      const m =
        /Shown by ([^:]+): (the finest grain at which no more than 30% of the figures are "c"|the coarsest grain configured)[^(]*\(([^)]*) would be "c"\)/.exec(
          text,
        );
      expect(m, text).not.toBeNull();
      for (const [, pct] of m![3]!.matchAll(/ (\d+)%/g)) expect(Number(pct), m![3]).toBeGreaterThan(MAX_SHARE * 100);
      if (m![2]!.startsWith('the finest')) expect(share).toBeLessThanOrEqual(MAX_SHARE);
      expect(text).toContain('The restricted appendix is weekly by service area.');
    }
    // Every figure as the warehouse recounts it at this grain (and hidden ones are "c", checked above).
    const recount = openCaseRecount(ws, layout);
    expect(recount.length).toBe(rows.length);
    for (const [i, row] of rows.entries()) {
      for (const [j, col] of layout.counts.entries()) {
        const v = row.getCell(col).value;
        if (!isC(v)) expect(v, `${OPEN_CASE} R${row.number}C${col}`).toBe(recount[i]![j]);
      }
    }
  });

  it('states the suppression rule on its About sheet', async () => {
    const about = (await readBook(`${STEM}.xlsx`)).getWorksheet('About')!;
    const text = about.getSheetValues().flat().join(' ');
    expect(text).toContain('Counts from 1 to 5 are shown as "c"');
    expect(text).toContain('secondary suppression');
    expect(text).not.toContain('RESTRICTED');
  });
});

describe('restricted appendix', () => {
  it('is marked RESTRICTED on every sheet', async () => {
    const wb = await readBook(`${STEM}-restricted.xlsx`);
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(6);
    for (const ws of wb.worksheets) {
      expect(String(ws.getCell('A3').value), ws.name).toMatch(/^RESTRICTED/);
      expect(ws.headerFooter.oddHeader, ws.name).toContain('RESTRICTED');
    }
  });

  it('shows the warehouse figures unsuppressed: open-case contacts (exc DV) by area, front-door weekly counts and decisions within 1 working day', async () => {
    const wb = await readBook(`${STEM}-restricted.xlsx`);
    const weekRange = `week_start BETWEEN DATE '${FIRST_WEEK}' AND DATE '${FIRST_WEEK}' + INTERVAL ${7 * (WEEKS - 1)} DAY`;

    const open = query(
      `SELECT strftime(week_start, '%Y-%m-%d'), receiving_service_area, count(*) FROM marts.fct_contacts
       WHERE is_open_case AND NOT is_domestic_abuse_notification AND ${weekRange} GROUP BY ALL`,
    );
    const openCount = new Map(open.map(([w, a, n]) => [`${w} ${a}`, Number(n)]));
    const os = wb.getWorksheet('Open case contacts')!;
    let small = 0;
    for (let i = 0; i < WEEKS; i++) {
      const row = os.getRow(5 + i);
      const week = (row.getCell(2).value as Date).toISOString().slice(0, 10);
      const expected = AREAS.map((a) => openCount.get(`${week} ${a}`) ?? 0);
      expect(
        AREAS.map((_, j) => row.getCell(3 + j).value),
        `open-case week ${week}`,
      ).toEqual(expected);
      expect(row.getCell(9).value).toBe(expected.reduce((s, n) => s + n, 0));
      small += expected.filter((n) => n >= 1 && n <= THRESHOLD).length;
    }
    expect(small, 'restricted shows small counts as they are').toBeGreaterThan(0);

    const fd = query(
      `SELECT strftime(week_start, '%Y-%m-%d'), count(*) FILTER (WHERE front_door_team = 'EDT'), count(*) FILTER (WHERE front_door_team = 'MASH'),
              count(*) FILTER (WHERE is_decided_within_1_working_day)
       FROM marts.fct_contacts WHERE is_front_door AND ${weekRange} GROUP BY ALL ORDER BY 1`,
    );
    expect(fd.length).toBe(WEEKS);
    const [weekly, timely] = [wb.getWorksheet('Weekly contacts')!, wb.getWorksheet('Decided in 1 working day')!];
    for (const [i, [week, edt, mash, within]] of fd.entries()) {
      const [e, m, w] = [Number(edt), Number(mash), Number(within)];
      expect(
        [
          weekly.getRow(5 + i).getCell(3).value,
          weekly.getRow(5 + i).getCell(4).value,
          weekly.getRow(5 + i).getCell(5).value,
        ],
        `week ${week}`,
      ).toEqual([e, m, e + m]);
      const t = timely.getRow(5 + i);
      expect((t.getCell(2).value as Date).toISOString().slice(0, 10)).toBe(week);
      expect([t.getCell(3).value, t.getCell(4).value], `decisions week ${week}`).toEqual([e + m, w]);
      expect(t.getCell(5).value as number).toBeCloseTo(w / (e + m), 12);
    }
  });
});
