// The Complaints, Comments and Compliments annual report on a real warehouse: four years of demo exports ->
// `csp run` (which builds both variants for the latest year) and `csp report` for a chosen earlier year and
// meeting. Every workbook is read back with exceljs; figures are checked against the marts queried here with
// the duckdb shell (not through the report code), and the public workbooks cell by cell for small numbers.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { venvBinDir } from '../core/paths.js';
import { Warehouse } from '../core/warehouse.js';
import { loadComplaintsAnnual } from '../reports/complaints-annual/data.js';
import {
  auditTables,
  complaintsAnnualTables,
  protectedComplaintsAnnualTables,
} from '../reports/complaints-annual/tables.js';
import { auditDisclosure } from '../reports/lib/disclosure-audit.js';
import { tablesModel } from '../reports/lib/table-audit.js';
import { csp, type CliResult } from './helpers/cli.js';
import { auditPublicWorkbooks } from './helpers/disclosure.js';
import { tempDir } from './helpers/tmp.js';

const THRESHOLD = 5;
const HEADER_ROW = 4;
const PROCS = { Statutory: 'STAT', Corporate: 'CORP', SEND: 'SEND' } as const;
const RUN_STEM = 'appendix-3-complaints-annual-2021-03-31';
const CHOSEN_STEM = 'appendix-3-complaints-annual-2020-03-31';

let data: string;
let onDemand: string;
let runOut: CliResult;
const reportOut: CliResult[] = [];

beforeAll(async () => {
  const dir = tempDir('complaints-report');
  data = path.join(dir, 'data');
  onDemand = path.join(dir, 'on-demand');
  const input = path.join(dir, 'exports');
  const config = path.join(dir, 'csp.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      council: { name: 'Testshire County Council' },
      committee: { name: 'Children and Young People Scrutiny Committee' },
    }),
  );
  // Four financial years (2017/18 to 2020/21), so the trend has all four.
  const demo = await csp(
    ['demo', '--out', input, '--seed', '11', '--from', '2017-04-01', '--to', '2021-03-31', '--no-faults'],
    { CSP_DATA_DIR: data },
  );
  expect(demo.code, demo.stderr).toBe(0);
  runOut = await csp(['run', '--input', input, '--config', config], { CSP_DATA_DIR: data });
  for (const variant of ['public', 'restricted']) {
    reportOut.push(
      await csp(
        [
          'report',
          'complaints-annual',
          '--period-end',
          '2020-03-31',
          '--meeting-date',
          '2020-06-29',
          '--variant',
          variant,
          '--out',
          onDemand,
          '--config',
          config,
        ],
        { CSP_DATA_DIR: data },
      ),
    );
  }
}, 900_000);

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
/** A query's rows as label -> number. */
const counts = (sql: string): Map<string, number> => new Map(query(sql).map(([k, n]) => [k!, Number(n)]));

async function book(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A table sheet as header -> value rows (row 5 down to the first blank label). */
interface Table {
  headers: string[];
  rows: Record<string, unknown>[];
  formats: Record<string, string>;
}
function table(wb: ExcelJS.Workbook, sheet: string): Table {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet '${sheet}'`);
  const headers: string[] = [];
  ws.getRow(HEADER_ROW).eachCell((c, col) => (headers[col - 1] = String(c.value)));
  const rows: Record<string, unknown>[] = [];
  const formats: Record<string, string> = {};
  for (let r = HEADER_ROW + 1; ; r++) {
    const row = ws.getRow(r);
    if (row.getCell(1).value === null || row.getCell(1).value === undefined) break;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
    headers.forEach((h, i) => (formats[h] ??= row.getCell(i + 1).numFmt));
  }
  return { headers, rows, formats };
}
const row = (t: Table, label: string, col = 0) => {
  const r = t.rows.find((x) => x[t.headers[col]!] === label);
  if (!r) throw new Error(`no row '${label}'`);
  return r;
};

describe('csp run and csp report write the annual report', () => {
  it('builds public and restricted files for the latest complete year, and for a chosen year and meeting', () => {
    expect(runOut.code, runOut.stderr).toBe(0);
    for (const r of reportOut) expect(r.code, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(data, 'appendices', 'manifest.json'), 'utf8')) as {
      files: { report: string; file: string; variant: string }[];
    };
    expect(
      manifest.files
        .filter((f) => f.report === 'complaints-annual')
        .map((f) => `${f.variant} ${f.file}`)
        .sort(),
    ).toEqual([
      `public ${RUN_STEM}.pdf`,
      `public ${RUN_STEM}.xlsx`,
      `restricted ${RUN_STEM}-restricted.pdf`,
      `restricted ${RUN_STEM}-restricted.xlsx`,
    ]);
    const chosen = JSON.parse(readFileSync(path.join(onDemand, 'manifest.json'), 'utf8')) as {
      files: { file: string; meetingDate: string; period: string }[];
    };
    expect(chosen.files.map((f) => f.file).sort()).toEqual([
      `${CHOSEN_STEM}-restricted.pdf`,
      `${CHOSEN_STEM}-restricted.xlsx`,
      `${CHOSEN_STEM}.pdf`,
      `${CHOSEN_STEM}.xlsx`,
    ]);
    expect(new Set(chosen.files.map((f) => f.meetingDate))).toEqual(new Set(['2020-06-29']));
    expect(chosen.files[0]!.period).toMatch(/^2019\/20/);
  });
});

// The restricted workbook's figures against the marts, for the latest year (from the run) and a chosen one.
describe.each([
  { year: '2020/21', last: '2019/20', file: () => path.join(data, 'appendices', `${RUN_STEM}-restricted.xlsx`) },
  { year: '2019/20', last: '2018/19', file: () => path.join(onDemand, `${CHOSEN_STEM}-restricted.xlsx`) },
])('restricted workbook for $year', ({ year, last, file }) => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await book(file());
  });
  const stage1 = `FROM marts.fct_complaints WHERE stage = 1 AND received_financial_year = '${year}'`;

  it('counts complaints received by procedure this year and last, as the mart does', () => {
    const t = table(wb, 'Complaints by procedure');
    const now = counts(`SELECT procedure_code, count(*) ${stage1} GROUP BY 1`);
    const before = counts(
      `SELECT procedure_code, count(*) FROM marts.fct_complaints WHERE stage = 1 AND received_financial_year = '${last}' GROUP BY 1`,
    );
    for (const [label, code] of Object.entries(PROCS)) {
      expect(row(t, label)[year], `${label} ${year}`).toBe(now.get(code) ?? 0);
      expect(row(t, label)[last], `${label} ${last}`).toBe(before.get(code) ?? 0);
      expect(row(t, label).Change).toBe((now.get(code) ?? 0) - (before.get(code) ?? 0));
    }
    expect(row(t, 'Total')[year]).toBe([...now.values()].reduce((a, b) => a + b, 0));
    expect(row(t, 'Total')[year]).toBeGreaterThan(200); // the demo's 28 + 174 + 54 a year
  });

  it('shows outcomes, shares and responses within 10 and 20 working days per procedure', () => {
    const o = table(wb, 'Outcomes');
    const r = table(wb, 'Response times');
    const q = query(
      `SELECT procedure_code, count(*) FILTER (outcome_code = 'UP'), count(*) FILTER (outcome_code = 'PU'), count(*) FILTER (outcome_code = 'NU'),
              count(*) FILTER (is_within_10_working_days), count(*) FILTER (is_within_20_working_days), count(*) ${stage1} GROUP BY 1`,
    );
    for (const x of q) {
      const code = x[0]!;
      const [up, pu, nu, w10, w20, n] = x.slice(1).map(Number) as [number, number, number, number, number, number];
      const label = Object.entries(PROCS).find(([, c]) => c === code)![0];
      const or = row(o, label);
      expect([or.Received, or.Upheld, or['Partly upheld'], or['Not upheld']], label).toEqual([n, up, pu, nu]);
      expect(or['% upheld or partly'] as number).toBeCloseTo((up + pu) / n, 10);
      const rr = row(r, label);
      expect(
        [rr['Complaints received'], rr['Responded within 10 working days'], rr['Responded within 20 working days']],
        label,
      ).toEqual([n, w10, w20]);
      expect(rr['% within 20 working days'] as number).toBeCloseTo(w20 / n, 10);
    }
  });

  it('counts service areas, issues, young people, stage 2 and 3 and Ombudsman cases as the marts do', () => {
    const areas = counts(`SELECT service_area, count(*) ${stage1} GROUP BY 1`);
    const sa = table(wb, 'Service areas');
    for (const [area, n] of areas) expect(row(sa, area).Total, area).toBe(n);
    expect(sa.rows.length).toBe(areas.size + 1);

    const issues = counts(
      `SELECT c.category_label, count(*) FROM marts.fct_complaints f, unnest(string_split(f.issue_category_codes, ', ')) u(code)
       JOIN reference.complaint_issue_categories c ON c.category_code = u.code WHERE f.stage = 1 AND f.received_financial_year = '${year}' GROUP BY 1`,
    );
    const it = table(wb, 'Issues');
    for (const [cat, n] of issues) expect(row(it, cat).Total, cat).toBe(n);

    const yp = counts(`SELECT procedure_code, count(*) ${stage1} AND is_from_young_person GROUP BY 1`);
    const y = table(wb, 'Young people');
    for (const [label, code] of Object.entries(PROCS))
      expect(row(y, label)[`From young people ${year}`], label).toBe(yp.get(code) ?? 0);

    const esc = table(wb, 'Stage 2, 3 and Ombudsman');
    const s = (stage: number) =>
      Number(
        query(
          `SELECT count(*) FROM marts.fct_complaints WHERE stage = ${stage} AND received_financial_year = '${year}'`,
        )[0]![0],
      );
    expect(row(esc, 'Stage 2 investigations')[`Total ${year}`]).toBe(s(2));
    expect(row(esc, 'Stage 3 review panels')[`Total ${year}`]).toBe(s(3));
    expect(row(esc, 'Ombudsman cases received')[`Total ${year}`]).toBe(
      Number(query(`SELECT count(*) FROM marts.fct_ombudsman_cases WHERE received_financial_year = '${year}'`)[0]![0]),
    );
  });

  it('counts comments and compliments by team this year and last', () => {
    const comp = counts(
      `SELECT team, count(*) FROM marts.fct_compliments WHERE received_financial_year = '${year}' GROUP BY 1`,
    );
    const t = table(wb, 'Compliments');
    for (const [team, n] of comp) expect(row(t, team)[year], team).toBe(n);
    expect(row(t, 'Total')[last]).toBe(
      Number(query(`SELECT count(*) FROM marts.fct_compliments WHERE received_financial_year = '${last}'`)[0]![0]),
    );
    const comments = Number(
      query(`SELECT count(*) FROM marts.fct_comments WHERE received_financial_year = '${year}'`)[0]![0],
    );
    expect(row(table(wb, 'Comments'), 'Total')[year]).toBe(comments);
    expect(comments).toBeGreaterThan(0);
  });

  it('shows four years in the trend and the SEND section, each as the mart counts them', () => {
    const years = query(
      `SELECT DISTINCT received_financial_year FROM marts.fct_complaints WHERE received_financial_year <= '${year}' ORDER BY 1 DESC LIMIT 4`,
    )
      .map((x) => x[0]!)
      .reverse();
    const trend = table(wb, 'Trend received');
    expect(trend.rows.map((r) => r.Year)).toEqual(years);
    const byYear = query(
      `SELECT received_financial_year, procedure_code, count(*), count(*) FILTER (outcome_code = 'UP') FROM marts.fct_complaints WHERE stage = 1 GROUP BY ALL`,
    );
    for (const y of years) {
      for (const [label, code] of Object.entries(PROCS)) {
        const m = byYear.find((x) => x[0] === y && x[1] === code);
        expect(row(trend, y)[label], `${y} ${label}`).toBe(Number(m?.[2] ?? 0));
        if (code === 'SEND') expect(row(table(wb, 'SEND by year'), y).Upheld, `SEND ${y}`).toBe(Number(m?.[3] ?? 0));
      }
    }
  });
});

/**
 * Which figures each public table binds together: sums (a total and its parts, across a row) and figures worked
 * out from others (a change, a percentage). Written out here rather than taken from the report code.
 */
function layouts(
  y: string,
  l: string,
): Record<
  string,
  { totalRow: boolean; sums: { total: string; of: string[] }[]; derived: { col: string; of: string[] }[] }
> {
  const procs = Object.keys(PROCS);
  const byProc = { totalRow: true, sums: [{ total: 'Total', of: procs }], derived: [] };
  const yearOnYear = { totalRow: true, sums: [], derived: [{ col: 'Change', of: [l, y] }] };
  const outcomeSums = [
    { total: 'Received', of: ['Upheld', 'Partly upheld', 'Not upheld', 'Withdrawn or open'] },
    { total: 'Upheld or partly', of: ['Upheld', 'Partly upheld'] },
  ];
  return {
    'Complaints by procedure': {
      totalRow: true,
      sums: [],
      derived: [
        { col: 'Change', of: [l, y] },
        { col: '% change', of: ['Change', l] },
      ],
    },
    Outcomes: {
      totalRow: true,
      sums: outcomeSums,
      derived: [
        { col: '% upheld', of: ['Upheld', 'Received'] },
        { col: '% partly upheld', of: ['Partly upheld', 'Received'] },
        { col: '% upheld or partly', of: ['Upheld or partly', 'Received'] },
        { col: '% not upheld', of: ['Not upheld', 'Received'] },
      ],
    },
    'Response times': {
      totalRow: true,
      sums: [],
      derived: [
        { col: '% within 10 working days', of: ['Responded within 10 working days', 'Complaints received'] },
        { col: '% within 20 working days', of: ['Responded within 20 working days', 'Complaints received'] },
      ],
    },
    Issues: byProc,
    'Service areas': byProc,
    'Stage 2, 3 and Ombudsman': {
      totalRow: false,
      sums: [{ total: `Total ${y}`, of: procs }],
      derived: [{ col: 'Change', of: [`Total ${l}`, `Total ${y}`] }],
    },
    Comments: yearOnYear,
    Compliments: yearOnYear,
    'Young people': {
      totalRow: true,
      sums: [],
      derived: [
        { col: '% from young people', of: [`From young people ${y}`, `All complaints ${y}`] },
        { col: 'Change', of: [`From young people ${l}`, `From young people ${y}`] },
      ],
    },
    'SEND by year': {
      totalRow: false,
      sums: outcomeSums,
      derived: [
        { col: '% upheld or partly', of: ['Upheld or partly', 'Received'] },
        { col: '% within 20 working days', of: ['Within 20 working days', 'Received'] },
      ],
    },
    'SEND issues': yearOnYear,
    'Trend received': { totalRow: false, sums: [{ total: 'Total', of: procs }], derived: [] },
    'Trend measures': {
      totalRow: false,
      sums: [],
      derived: [
        { col: '% upheld or partly', of: ['Upheld or partly', 'Complaints received'] },
        { col: '% within 10', of: ['Within 10 working days', 'Complaints received'] },
        { col: '% within 20', of: ['Within 20 working days', 'Complaints received'] },
      ],
    },
  };
}

const isC = (v: unknown) => v === 'c';
const COUNT_FORMAT = '#,##0';
const MAX_SHARE = 0.25; // the default suppression.maxSuppressedShare

/**
 * The public Comments table recounted from fct_comments at the grain its first column names: each service area,
 * each service group (as the seed service_area_groups, reference.service_area_groups, puts the areas), or all
 * together; the Total row is every comment. As a Table, with count columns this year and last.
 */
function commentsRecount(p: Table, year: string, last: string): Table {
  const grain = p.headers[0]!;
  expect(['Service area', 'Service group', 'All service areas'], `Comments grain '${grain}'`).toContain(grain);
  const area =
    grain === 'Service group'
      ? `coalesce((SELECT service_group FROM reference.service_area_groups g WHERE g.service_area = c.service_area), c.service_area)`
      : 'c.service_area';
  const n = (fy: string) =>
    counts(`SELECT ${area}, count(*) FROM marts.fct_comments c WHERE received_financial_year = '${fy}' GROUP BY 1`);
  const [now, before] = [n(year), n(last)];
  const all = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const rows = p.rows.map((r) => {
    const label = String(r[grain]);
    return label === 'Total'
      ? { [grain]: label, [last]: all(before), [year]: all(now) }
      : { [grain]: label, [last]: before.get(label) ?? 0, [year]: now.get(label) ?? 0 };
  });
  // Every label of that grain is shown (none dropped), unless the table shows the total alone.
  if (grain !== 'All service areas')
    expect(
      p.rows
        .map((r) => r[grain])
        .slice(0, -1)
        .sort(),
    ).toEqual([...new Set([...now.keys(), ...before.keys()])].sort());
  return { headers: [grain, last, year], rows, formats: { [last]: COUNT_FORMAT, [year]: COUNT_FORMAT } };
}

describe.each([
  { year: '2020/21', last: '2019/20', dir: () => path.join(data, 'appendices'), stem: RUN_STEM },
  { year: '2019/20', last: '2018/19', dir: () => onDemand, stem: CHOSEN_STEM },
])('public workbook for $year', ({ year, last, dir, stem }) => {
  let pub: ExcelJS.Workbook;
  let res: ExcelJS.Workbook;
  beforeAll(async () => {
    pub = await book(path.join(dir(), `${stem}.xlsx`));
    res = await book(path.join(dir(), `${stem}-restricted.xlsx`));
  });

  it('has every table sheet described here, and an About sheet', () => {
    const sheets = pub.worksheets.map((w) => w.name);
    expect(sheets.slice(0, -1).sort()).toEqual(Object.keys(layouts(year, last)).sort());
    expect(sheets.at(-1)).toBe('About');
  });

  it('holds no count from 1 to 5 anywhere, and shows every other count exactly as the restricted workbook', () => {
    let suppressed = 0;
    let secondary = 0;
    for (const sheet of Object.keys(layouts(year, last))) {
      const p = table(pub, sheet);
      // The public Comments table may be coarser (service groups, or the total alone): recounted at its own grain.
      const r = sheet === 'Comments' ? commentsRecount(p, year, last) : table(res, sheet);
      expect(p.rows.length, sheet).toBe(r.rows.length);
      for (const h of p.headers.filter((x) => r.formats[x] === COUNT_FORMAT)) {
        p.rows.forEach((pr, i) => {
          const [pv, rv] = [pr[h], r.rows[i]![h]];
          const where = `${sheet} row ${i + 5} '${h}'`;
          expect(typeof pv === 'number' || isC(pv) || pv === null, `${where} = ${String(pv)}`).toBe(true);
          if (typeof pv === 'number') {
            expect(pv >= 1 && pv <= THRESHOLD, `${where} = ${pv} is a small count`).toBe(false);
            expect(pv, where).toBe(rv);
          }
          if (typeof rv === 'number' && rv >= 1 && rv <= THRESHOLD) expect(pv, where).toBe('c');
          if (isC(pv)) {
            suppressed++;
            if ((rv as number) > THRESHOLD) secondary++;
          }
        });
      }
    }
    expect(suppressed, 'the demo has small counts (e.g. statutory upheld complaints)').toBeGreaterThan(10);
    expect(secondary, 'some figures are hidden only to protect a small one').toBeGreaterThan(0);
  });

  it('shows a figure that appears in several tables the same way in each, so no table gives away what another hides', () => {
    const cell = (
      sheet: string,
      label: string,
      col: string,
      labelCol = 0,
      match?: (r: Record<string, unknown>) => boolean,
    ) => {
      const t = table(pub, sheet);
      const r = match ? t.rows.find(match) : row(t, label, labelCol);
      if (!r) throw new Error(`${sheet}: no row ${label}`);
      return r[col];
    };
    const pairs: [string, unknown, unknown][] = [];
    for (const label of Object.keys(PROCS)) {
      const received = cell('Outcomes', label, 'Received');
      pairs.push([`${label} received: by procedure`, received, cell('Complaints by procedure', label, year)]);
      pairs.push([`${label} received: response times`, received, cell('Response times', label, 'Complaints received')]);
      pairs.push([`${label} received: young people`, received, cell('Young people', label, `All complaints ${year}`)]);
      pairs.push([`${label} received: trend`, received, cell('Trend received', year, label)]);
      const trend = (col: string) =>
        cell('Trend measures', '', col, 0, (r) => r.Procedure === label && r.Year === year);
      pairs.push([
        `${label} upheld or partly: trend`,
        cell('Outcomes', label, 'Upheld or partly'),
        trend('Upheld or partly'),
      ]);
      pairs.push([
        `${label} within 10: trend`,
        cell('Response times', label, 'Responded within 10 working days'),
        trend('Within 10 working days'),
      ]);
      pairs.push([
        `${label} within 20: trend`,
        cell('Response times', label, 'Responded within 20 working days'),
        trend('Within 20 working days'),
      ]);
    }
    for (const col of ['Received', 'Upheld', 'Partly upheld', 'Upheld or partly', 'Not upheld', 'Withdrawn or open']) {
      pairs.push([`SEND ${col}: SEND by year`, cell('Outcomes', 'SEND', col), cell('SEND by year', year, col)]);
    }
    const sendIssues = table(pub, 'SEND issues');
    for (const r of table(pub, 'Issues').rows) {
      const s = sendIssues.rows.find((x) => x['Area of complaint'] === r['Area of complaint']);
      if (s) pairs.push([`SEND issues ${String(r['Area of complaint'])}`, r.SEND, s[year]]);
    }
    for (const [what, a, b] of pairs) expect(b, what).toBe(a);
    expect(pairs.length).toBeGreaterThan(25);
  });

  it('shows Comments at the finest grain at which at most a quarter of its figures are "c", and says which and why', () => {
    const p = table(pub, 'Comments');
    const cells = p.rows.flatMap((r) => [r[last], r[year]]);
    const share = cells.filter(isC).length / cells.length;
    const text = pub.getWorksheet('Comments')!.getSheetValues().flat().join(' ');
    if (p.headers[0] === 'Service area') {
      expect(share).toBeLessThanOrEqual(MAX_SHARE);
      expect(text).not.toContain('Shown by');
    } else {
      const m =
        /Shown by ([^:]+): (the finest grain at which no more than 25% of the figures are "c"|the coarsest grain configured)[^(]*\(([^)]*) would be "c"\)/.exec(
          text,
        );
      expect(m, text).not.toBeNull();
      expect(m![1]).toBe(p.headers[0] === 'Service group' ? 'service group' : 'all service areas together');
      for (const [, pct] of m![3]!.matchAll(/ (\d+)%/g)) expect(Number(pct), m![3]).toBeGreaterThan(MAX_SHARE * 100);
      if (m![2]!.startsWith('the finest')) expect(share).toBeLessThanOrEqual(MAX_SHARE);
      expect(text).toContain('The restricted appendix is by service area.');
    }
  });

  it('leaves no single "c" in a sum, and hides every change and percentage made from a hidden figure', () => {
    for (const [sheet, layout] of Object.entries(layouts(year, last))) {
      const t = table(pub, sheet);
      const countCols = t.headers.filter((h) => t.formats[h] === COUNT_FORMAT);
      // Down each count column: body rows and their total row.
      if (layout.totalRow) {
        expect(t.rows.at(-1)![t.headers[0]!], `${sheet} ends with its total row`).toBe('Total');
        for (const h of countCols) {
          const hidden = t.rows.filter((r) => isC(r[h])).length;
          expect(hidden === 0 || hidden >= 2, `${sheet} column '${h}': ${hidden} hidden`).toBe(true);
        }
      }
      // Across each row: each total and its parts.
      for (const s of layout.sums) {
        t.rows.forEach((r, i) => {
          const hidden = [s.total, ...s.of].filter((h) => isC(r[h])).length;
          expect(
            hidden === 0 || hidden >= 2,
            `${sheet} row ${i + 5}, '${s.total}' and its parts: ${hidden} hidden`,
          ).toBe(true);
        });
      }
      for (const d of layout.derived) {
        t.rows.forEach((r, i) => {
          if (d.of.some((h) => isC(r[h]))) expect(r[d.col], `${sheet} row ${i + 5} '${d.col}'`).toBe('c');
        });
      }
    }
  });
});

describe('exact disclosure audit of the public annual reports (issue 14)', () => {
  it('bounds every "c" in both public workbooks, read back from the files, to at least 5 values', async () => {
    const audits = [
      ...(await auditPublicWorkbooks(path.join(data, 'appendices'), path.join(data, 'warehouse.duckdb'))),
      ...(await auditPublicWorkbooks(onDemand, path.join(data, 'warehouse.duckdb'))),
    ].filter((a) => a.report === 'complaints-annual');
    expect(audits.map((a) => a.file).sort()).toEqual([`${CHOSEN_STEM}.xlsx`, `${RUN_STEM}.xlsx`]);
    for (const a of audits) {
      expect(a.audit.failures, a.file).toEqual([]);
      // The file's "c" cells include shares and changes, and a figure repeated in several tables is one cell.
      expect(a.audit.ranges.length, a.file).toBeGreaterThan(10);
      expect(a.cInWorkbook, a.file).toBeGreaterThanOrEqual(a.audit.ranges.length);
      for (const r of a.audit.ranges)
        expect(r.span, `${a.file}: ${r.where} [${r.min}, ${r.max}]`).toBeGreaterThanOrEqual(THRESHOLD);
    }
  });

  it('fails the suppression as it was (primary, then one more cell per sum): a total less the shown parts gives a "c" away', async () => {
    const db = await Warehouse.open(path.join(data, 'warehouse.duckdb'), { readOnly: true });
    try {
      const d = await loadComplaintsAnnual(db, { periodEnd: '2021-03-31', trendYears: 4 });
      const weak = await auditDisclosure(
        tablesModel(auditTables(complaintsAnnualTables(d, 'public', THRESHOLD))),
        THRESHOLD,
      );
      expect(weak.ok).toBe(false);
      expect(weak.failures.length).toBeGreaterThan(0);
      for (const f of weak.failures) expect(f.span).toBeLessThan(THRESHOLD);
      // The same figures, protected, pass.
      const strong = await protectedComplaintsAnnualTables(d, 'public', THRESHOLD, THRESHOLD, {
        grains: ['service area', 'service group', 'all'],
        maxSuppressedShare: MAX_SHARE,
      });
      expect(strong.audit?.ok).toBe(true);
    } finally {
      db.close();
    }
  });
});
