// The whole path on the real stack: demo export -> csp run (DuckDB, dbt, reports) -> xlsx/PDF, checked against
// counts made here, independently, from the export itself.
import { execFileSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../core/calendar/working-days.js';
import { projectRoot, venvBinDir } from '../core/paths.js';
import { parseConfig } from '../core/config.js';
import { csp, logLines } from './helpers/cli.js';
import { demoRun } from './helpers/demo-runs.js';
import {
  childrenInCare,
  isoDay,
  missingCounts,
  periodsOfCare,
  recountMeasures,
  returnInterviews,
  shownMeasures,
  timedReviews,
  type Monthly,
} from './helpers/recount.js';
import { auditPublicWorkbooks } from './helpers/disclosure.js';
import { query } from './helpers/ops.js';
import { tempDir, writeCsv } from './helpers/tmp.js';

const DAY = 86_400_000;
/** dd/mm/yyyy hh:mm -> UTC midnight of that day (ms). Written here on purpose, not borrowed from the pipeline. */
const dayOf = (uk: string): number => {
  const [d, m, y] = uk.slice(0, 10).split('/').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};
const mondayOf = (ms: number): number => ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const sourceGroups: Map<string, string> = new Map(
  (
    parse(readFileSync(path.join(projectRoot, 'sql', 'seeds', 'contact_sources.csv')), { columns: true }) as Record<
      string,
      string
    >[]
  ).map((r) => [r.source_code!, r.source_group!]),
);

let data: string;
let input: string;
let config: string;
let rows: Record<string, string>[];
let runOut: { code: number; stdout: string; stderr: string };

const FIRST_WEEK = Date.UTC(2020, 1, 3); // Mon 3 Feb 2020
const WEEKS = 19;
const SPLIT = Date.UTC(2020, 2, 23); // Mon 23 Mar 2020

beforeAll(async () => {
  // The case-management demo run, shared with test/ssd.e2e.test.ts (made once per test run).
  const shared = await demoRun('case-management');
  ({ data, input, config } = shared);
  expect(shared.demo.code, shared.demo.stderr).toBe(0);
  rows = parse(readFileSync(path.join(input, 'case-management', 'contacts.csv')), {
    columns: true,
    bom: true,
  }) as Record<string, string>[];
  runOut = shared.run;
});

/** Front-door contacts by week, EDT/MASH, recounted from the CSV. */
function recountWeeks() {
  const weeks = Array.from({ length: WEEKS }, (_, i) => ({ start: FIRST_WEEK + i * 7 * DAY, edt: 0, mash: 0 }));
  for (const r of rows) {
    const team = r['Receiving Team'];
    if (team !== 'EDT' && team !== 'MASH') continue;
    const w = weeks.find((x) => x.start === mondayOf(dayOf(r['Contact Date']!)));
    if (w) w[team === 'EDT' ? 'edt' : 'mash']++;
  }
  return weeks;
}

describe('csp run on a generated export', () => {
  it('succeeds and says where the appendices and the warehouse went', () => {
    expect(runOut.code, runOut.stderr).toBe(0);
    expect(runOut.stdout).toMatch(/Appendices: .*appendices\//);
    expect(runOut.stdout).toMatch(/Warehouse: .*warehouse\.duckdb/);
    const stages = logLines(runOut.stdout).map((l) => String(l.msg));
    expect(stages.some((m) => /^extract: \d+ file\(s\), [\d,]+ rows read, [\d,]+ landed, 0 rejected/.test(m))).toBe(
      true,
    );
    expect(stages.some((m) => /^transform: dbt build passed: \d+ seeds, \d+ models, \d+ tests/.test(m))).toBe(true);
    expect(
      stages.some((m) => /^report: appendix-1-contact-activity-2020-06-14\.xlsx and .*\.pdf written/.test(m)),
    ).toBe(true);
  });

  // Weekly front-door counts are in the hundreds, so the public (suppressed) file shows them as they are too.
  it.each(['appendix-1-contact-activity-2020-06-14.xlsx', 'appendix-1-contact-activity-2020-06-14-restricted.xlsx'])(
    'writes the weekly EDT / MASH / total table exactly as recounted from the export (%s)',
    async (file) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(data, 'appendices', file));
      const ws = wb.getWorksheet('Weekly contacts')!;
      const expected = recountWeeks();
      expect(expected.reduce((s, w) => s + w.edt + w.mash, 0)).toBeGreaterThan(2500); // the test is about real volumes
      for (const [i, w] of expected.entries()) {
        const row = ws.getRow(5 + i);
        expect(row.getCell(2).value, `week ${iso(w.start)}`).toEqual(new Date(w.start));
        expect([row.getCell(3).value, row.getCell(4).value, row.getCell(5).value], `week ${iso(w.start)}`).toEqual([
          w.edt,
          w.mash,
          w.edt + w.mash,
        ]);
      }
      expect(ws.getRow(5).getCell(1).value).toBe('a. 3rd Feb to 9th Feb');
      expect(ws.getRow(5 + 18).getCell(1).value).toBe('s. 8th June to 14th June');
      const total = ws.getRow(5 + WEEKS);
      expect(total.getCell(1).value).toBe('Total');
      expect(total.getCell(5).value).toBe(expected.reduce((s, w) => s + w.edt + w.mash, 0));
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    },
  );

  // The restricted file keeps exact averages (the public one rounds them and suppresses small ones).
  it('writes weekly averages before and since the chosen date, overall and by source', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(data, 'appendices', 'appendix-1-contact-activity-2020-06-14-restricted.xlsx'));
    const weeks = recountWeeks();
    const before = weeks.filter((w) => w.start < SPLIT);
    const since = weeks.filter((w) => w.start >= SPLIT);
    expect([before.length, since.length]).toEqual([7, 12]);
    const mean = (ws: typeof weeks, f: (w: (typeof weeks)[number]) => number) =>
      ws.reduce((s, w) => s + f(w), 0) / ws.length;

    const avg = wb.getWorksheet('Weekly averages')!;
    expect(avg.getRow(5).getCell(2).value).toBe(7);
    expect(avg.getRow(5).getCell(5).value as number).toBeCloseTo(
      mean(before, (w) => w.edt + w.mash),
      9,
    );
    expect(avg.getRow(6).getCell(3).value as number).toBeCloseTo(
      mean(since, (w) => w.edt),
      9,
    );
    expect(avg.getRow(6).getCell(5).value as number).toBeCloseTo(
      mean(since, (w) => w.edt + w.mash),
      9,
    );

    const counts = new Map<string, { before: number; since: number }>();
    for (const g of new Set(sourceGroups.values())) counts.set(g, { before: 0, since: 0 });
    for (const r of rows) {
      if (r['Receiving Team'] !== 'EDT' && r['Receiving Team'] !== 'MASH') continue;
      const monday = mondayOf(dayOf(r['Contact Date']!));
      if (monday < FIRST_WEEK || monday >= FIRST_WEEK + WEEKS * 7 * DAY) continue;
      const group = sourceGroups.get(r['Contact Source']!.split(' - ')[0]!)!;
      counts.get(group)![monday < SPLIT ? 'before' : 'since']++;
    }
    const bySource = wb.getWorksheet('By source')!;
    const sheetRows = new Map<string, [number, number]>();
    for (let i = 5; i < 5 + counts.size; i++)
      sheetRows.set(String(bySource.getRow(i).getCell(1).value), [
        bySource.getRow(i).getCell(2).value as number,
        bySource.getRow(i).getCell(3).value as number,
      ]);
    expect([...sheetRows.keys()].sort()).toEqual([...counts.keys()].sort());
    for (const [group, c] of counts) {
      expect(sheetRows.get(group)![0], `${group} before`).toBeCloseTo(c.before / 7, 9);
      expect(sheetRows.get(group)![1], `${group} since`).toBeCloseTo(c.since / 12, 9);
    }
    const about = wb.getWorksheet('About')!;
    const aboutText = about.getSheetValues().flat().join(' ');
    expect(aboutText).toContain('Testshire County Council');
    expect(aboutText).toContain('Data as at');
    expect(aboutText).toContain('New contacts received at front door services');
  });

  it('writes an A4 PDF and a manifest whose checksums match the files', () => {
    const dir = path.join(data, 'appendices');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      files: { report: string; file: string; sha256: string; format: string; dataAsAt: string; variant: string }[];
    };
    const kinds = ['public pdf', 'public xlsx', 'restricted pdf', 'restricted xlsx'];
    expect(manifest.files.map((f) => `${f.report} ${f.variant} ${f.format}`).sort()).toEqual([
      ...kinds.map((k) => `complaints-annual ${k}`),
      ...kinds.map((k) => `contact-activity ${k}`),
      ...kinds.map((k) => `scorecard ${k}`),
    ]);
    for (const f of manifest.files) {
      expect(
        createHash('sha256')
          .update(readFileSync(path.join(dir, f.file)))
          .digest('hex'),
        f.file,
      ).toBe(f.sha256);
      expect(f.dataAsAt).toBe('2020-07-06T07:00:00Z'); // the export's file time: 07:00 the morning after the period
    }
    const pdf = readFileSync(path.join(dir, 'appendix-1-contact-activity-2020-06-14.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/MediaBox \[0 0 595\.2\d+ 841\.8\d+\]/); // A4 portrait
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it('publishes a warehouse the duckdb shell opens read-only, with one fct_contacts row per contact', () => {
    const out = execFileSync(
      path.join(venvBinDir, 'duckdb'),
      [
        '-readonly',
        '-csv',
        '-noheader',
        path.join(data, 'warehouse.duckdb'),
        '-c',
        'SELECT count(*), count(*) FILTER (WHERE is_decided_within_1_working_day) FROM marts.fct_contacts',
      ],
      { encoding: 'utf8' },
    );
    const [contacts, within] = out.trim().split(',').map(Number);
    expect(contacts).toBe(rows.length);
    // The SQL rule (dim_date working-day numbers) and the TypeScript calendar are separate implementations: they must agree.
    const cal = WorkingCalendar.englandAndWales();
    const expectedWithin = rows.filter(
      (r) =>
        r['Decision Date'] &&
        cal.workingDaysBetween(iso(dayOf(r['Contact Date']!)), iso(dayOf(r['Decision Date']))) <= 1,
    ).length;
    expect(within).toBe(expectedWithin);
  });

  it('counts missing children, return interviews, CLA reviews and conferences on time and children in care as recounted from the exports', () => {
    const months = ['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06'];
    const csvRows = (file: string) =>
      parse(readFileSync(path.join(input, 'case-management', file)), { columns: true, bom: true }) as Record<
        string,
        string
      >[];
    const yn = (v: string | undefined) => (v === 'Y' ? true : v === 'N' ? false : null);
    const missing = csvRows('missing-episodes.csv').map((r) => ({
      child: r['Child ID']!,
      missing: r['Missing or Away'] === 'MISSING',
      start: r['Missing Start']!,
      end: r['Missing End'] || null,
      offered: yn(r['Return Interview Offered']),
      offeredAt: r['Return Interview Offered Date'] || null,
      accepted: yn(r['Return Interview Accepted']) ?? false,
    }));
    const periods = periodsOfCare(
      csvRows('cla-episodes.csv').map((r) => ({
        child: r['Child ID']!,
        start: isoDay(r['Episode Start Date'])!,
        rne: r['Reason New Episode']!,
        ls: r['Legal Status']!,
        end: isoDay(r['Episode End Date']),
        rec: r['Reason Episode Ceased'] || null,
      })),
    );
    const cal = WorkingCalendar.englandAndWales();
    const reviews = timedReviews(
      periods,
      csvRows('cla-reviews.csv').map((r) => ({ child: r['Child ID']!, date: isoDay(r['CLA Review Date'])! })),
      cal,
    );
    const s47s = csvRows('s47-enquiries.csv').map((r) => ({
      start: isoDay(r['S47 Start Date'])!,
      icpc: isoDay(r['ICPC Date']),
    }));
    const counts = missingCounts(missing, months);
    const interviews = returnInterviews(missing, months);
    const inCare = childrenInCare(periods, months);
    const expected: Record<string, Monthly> = {
      ...recountMeasures({ missing, periods, reviews, s47s, months, cal }),
      return_interviews_within_72_hours: interviews.within72,
      return_interviews_accepted: interviews.accepted,
    };
    // The test is about real volumes, and about a child missing twice in a month being one child.
    expect(counts.childrenTwice).toBeGreaterThan(0);
    expect([...counts.children.values()].every((c) => c.numerator >= 10)).toBe(true);
    expect([...inCare.lookedAfter.values()].every((c) => c.numerator > 300)).toBe(true);
    expect([...interviews.within72.values()].some((c) => c.numerator < c.denominator!)).toBe(true);

    const out = execFileSync(
      path.join(venvBinDir, 'duckdb'),
      [
        '-readonly',
        '-csv',
        '-noheader',
        path.join(data, 'warehouse.duckdb'),
        '-c',
        `SELECT measure_id, strftime(period_start, '%Y-%m'), numerator, coalesce(denominator::VARCHAR, '') FROM marts.kpi_monthly
       WHERE period_type = 'month' AND period_start BETWEEN DATE '2020-01-01' AND DATE '2020-06-01' AND measure_id IN (${Object.keys(
         expected,
       )
         .map((k) => `'${k}'`)
         .join(', ')})`,
      ],
      { encoding: 'utf8' },
    );
    const shown = shownMeasures(
      out
        .trim()
        .split('\n')
        .map((l) => l.split(',')),
      Object.keys(expected),
    );
    for (const [measure, byMonth] of Object.entries(expected)) {
      expect(byMonth.size, measure).toBe(months.length);
      expect(Object.fromEntries(shown[measure]!), measure).toEqual(Object.fromEntries(byMonth));
    }

    // Over a quarter each child counts once: April to June 2020.
    const quarter = new Set(
      missing
        .filter((m) => m.missing && ['2020-04', '2020-05', '2020-06'].includes(isoDay(m.start)!.slice(0, 7)))
        .map((m) => m.child),
    ).size;
    expect(quarter).toBeLessThan(
      ['2020-04', '2020-05', '2020-06'].reduce((n, m) => n + counts.children.get(m)!.numerator, 0),
    );
    const q = execFileSync(
      path.join(venvBinDir, 'duckdb'),
      [
        '-readonly',
        '-csv',
        '-noheader',
        path.join(data, 'warehouse.duckdb'),
        '-c',
        "SELECT numerator::INTEGER FROM marts.kpi_monthly WHERE measure_id = 'children_missing' AND period_type = 'quarter' AND period_label = '2020/21 Q1'",
      ],
      { encoding: 'utf8' },
    );
    expect(Number(q.trim())).toBe(quarter);
  });

  it('skips unchanged exports on the next run and still publishes', async () => {
    const again = await csp(['run', '--input', input, '--config', config], { CSP_DATA_DIR: data });
    expect(again.code, again.stderr).toBe(0);
    expect(
      logLines(again.stdout).some((l) =>
        /unchanged since its last load \(same checksum\), skipped/.test(String(l.msg)),
      ),
    ).toBe(true);
  });

  it('leaves the last good warehouse and appendices in place when a run fails', async () => {
    const warehouse = path.join(data, 'warehouse.duckdb');
    const before = createHash('sha256').update(readFileSync(warehouse)).digest('hex');
    const appendicesBefore = realpathSync(path.join(data, 'appendices'));
    writeCsv(path.join(input, 'case-management', 'contacts-extra.csv'), [
      ['Contact ID', 'Child ID', 'Contact Source'],
      ['X1', 'C1', '2A'],
    ]);
    const failed = await csp(['run', '--input', input, '--config', config], { CSP_DATA_DIR: data });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /csp run failed at extract: 1 file\(s\) could not be loaded: case-management\/contacts-extra\.csv: looks like a Contacts export but has no column for 'Contact Date', 'Receiving Team', 'Open Case'/,
    );
    expect(createHash('sha256').update(readFileSync(warehouse)).digest('hex')).toBe(before);
    expect(realpathSync(path.join(data, 'appendices'))).toBe(appendicesBefore);
  });

  it('makes child and worker keys no one can reverse without the installation key, and anyone with it can', async () => {
    const warehouse = path.join(data, 'warehouse.duckdb');
    // The attack from issue 15: hash every possible demo child ID (C100000-C999999) and worker ID the old way.
    const guessed = await query<{ how: string; n: number }>(
      warehouse,
      `WITH ids AS (SELECT 'C' || i AS id, 'child:' AS kind FROM range(100000, 1000000) t(i) UNION ALL SELECT 'W' || lpad(i::VARCHAR, 5, '0'), 'worker:' FROM range(0, 100000) t(i)),
            guesses AS (SELECT md5(kind || id) AS h, 'md5' AS how FROM ids UNION ALL SELECT sha256(kind || id), 'sha256' FROM ids),
            keys AS (SELECT child_key AS k FROM marts.dim_child UNION SELECT worker_key FROM marts.fct_caseloads UNION SELECT child_key FROM marts.fct_contacts)
       SELECT how, count(*)::INTEGER AS n FROM keys JOIN guesses ON k = h GROUP BY how`,
    );
    expect(guessed).toEqual([]);
    // With the key file, every key is HMAC-SHA256 of 'child:' || ID, worked out here with Node's crypto.
    const keyFile = path.join(data, 'secrets', 'pseudonym.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
    const hmac = (m: string) => createHmac('sha256', key).update(m).digest('hex');
    const children = await query<{ child_id: string }>(warehouse, 'SELECT child_id FROM intermediate.int_children');
    const childKeys = new Set(
      (await query<{ k: string }>(warehouse, 'SELECT child_key AS k FROM marts.dim_child')).map((r) => r.k),
    );
    expect(children.length).toBeGreaterThan(100);
    expect(new Set(children.map((c) => hmac(`child:${c.child_id}`)))).toEqual(childKeys);
    const workers = await query<{ worker_id: string }>(
      warehouse,
      'SELECT DISTINCT worker_id FROM staging.stg_case_management__workers',
    );
    const workerKeys = new Set(
      (await query<{ k: string }>(warehouse, 'SELECT DISTINCT worker_key AS k FROM marts.fct_caseloads')).map(
        (r) => r.k,
      ),
    );
    expect([...workerKeys].every((k) => workers.some((w) => hmac(`worker:${w.worker_id}`) === k))).toBe(true);
    // The key is nowhere in what the run published or logged.
    const secret = key.toString('hex');
    for (const file of [
      warehouse,
      path.join(data, 'warehouse-pseudonymised.duckdb'),
      ...readdirSync(path.join(data, 'logs')).map((f) => path.join(data, 'logs', f)),
    ]) {
      expect(readFileSync(file).includes(secret), file).toBe(false);
      expect(readFileSync(file).includes(key), file).toBe(false);
    }
  });

  it('publishes a pseudonymised warehouse beside the full one: marts and reference only, no identifying column or value', async () => {
    const full = path.join(data, 'warehouse.duckdb');
    const pseudo = path.join(data, 'warehouse-pseudonymised.duckdb');
    // Switched with the rest of the run: both links resolve into the same published run's folder.
    expect(path.dirname(realpathSync(pseudo))).toBe(path.dirname(realpathSync(full)));
    const schemas = await query<{ s: string }>(
      pseudo,
      'SELECT DISTINCT table_schema AS s FROM information_schema.tables WHERE table_catalog = current_database() ORDER BY 1',
    );
    expect(schemas.map((r) => r.s)).toEqual(['marts', 'reference']);
    const columns = await query<{ t: string; c: string; type: string }>(
      pseudo,
      "SELECT table_schema || '.' || table_name AS t, column_name AS c, data_type AS type FROM information_schema.columns WHERE table_catalog = current_database()",
    );
    const DENYLIST = [
      'child_id',
      'worker_id',
      'date_of_birth',
      'dob',
      'postcode',
      'placement_postcode',
      'home_postcode',
      'upn',
      'former_upn',
      'uln',
      'nhs_number',
      'forename',
      'surname',
      'name',
      'child_name',
      'address',
      'notes',
      'comments',
      'complaint_reference',
      'contact_id',
      'referral_id',
      'raw_row',
      'raw_value',
    ];
    expect(
      columns.filter((c) => DENYLIST.includes(c.c) || (/postcode|_id$/.test(c.c) && c.c !== 'measure_id')),
    ).toEqual([]);
    expect(columns.filter((c) => c.t === 'marts.dim_child').map((c) => c.c)).toContain('birth_month');
    // No text value anywhere in it equals a child's ID from the full warehouse.
    const ids = new Set(
      (
        await query<{ id: string }>(
          full,
          'SELECT child_id AS id FROM intermediate.int_children UNION SELECT worker_id FROM staging.stg_case_management__workers',
        )
      ).map((r) => r.id),
    );
    const text = columns.filter((c) => c.type === 'VARCHAR');
    expect(text.length).toBeGreaterThan(50);
    let values = 0;
    for (const t of new Set(text.map((c) => c.t))) {
      const cols = text.filter((c) => c.t === t).map((c) => `"${c.c}"`);
      const rows = await query<Record<string, string | null>>(pseudo, `SELECT DISTINCT ${cols.join(', ')} FROM ${t}`);
      for (const r of rows)
        for (const v of Object.values(r))
          if (v !== null && (values++, ids.has(v))) throw new Error(`${t} holds the system ID ${v}`);
    }
    expect(values).toBeGreaterThan(10_000);
    // Every mart's rows are all there.
    for (const t of ['marts.fct_contacts', 'marts.dim_child', 'marts.kpi_monthly', 'marts.fct_caseloads']) {
      const [a, b] = await Promise.all([
        query<{ n: number }>(full, `SELECT count(*)::INTEGER AS n FROM ${t}`),
        query<{ n: number }>(pseudo, `SELECT count(*)::INTEGER AS n FROM ${t}`),
      ]);
      expect(b, t).toEqual(a);
    }
  });

  it('reaches dbt through the project shim with the same warehouse', () => {
    const out = execFileSync(
      process.execPath,
      [
        path.join(projectRoot, 'tools', 'bin', 'dbt.mjs'),
        'ls',
        '--resource-type',
        'model',
        '--output',
        'name',
        '--quiet',
      ],
      {
        encoding: 'utf8',
        cwd: path.join(projectRoot, 'reports'),
        env: { ...process.env, CSP_DATA_DIR: data },
      },
    );
    expect(out.split('\n').map((s) => s.trim())).toEqual(
      expect.arrayContaining(['fct_contacts', 'dim_date', 'stg_case_management__contacts']),
    );
  });
});

describe('exact disclosure audit of the public appendices (issue 14)', () => {
  it('bounds every "c" in every public workbook, read back from the files, to at least 5 values', async () => {
    const audits = await auditPublicWorkbooks(
      path.join(data, 'appendices'),
      path.join(data, 'warehouse.duckdb'),
      parseConfig(JSON.parse(readFileSync(config, 'utf8'))),
    );
    expect(audits.map((a) => a.report)).toEqual(expect.arrayContaining(['contact-activity', 'scorecard']));
    for (const a of audits) {
      expect(a.audit.failures, a.file).toEqual([]);
      for (const r of a.audit.ranges)
        expect(r.span, `${a.file}: ${r.where} [${r.min}, ${r.max}]`).toBeGreaterThanOrEqual(5);
    }
    // The contact-activity workbook has "c" cells, and the audit bounded its counts among them.
    const ca = audits.find((a) => a.report === 'contact-activity')!;
    expect(ca.audit.ranges.length).toBeGreaterThan(0);
    expect(ca.cInWorkbook).toBeGreaterThanOrEqual(ca.audit.ranges.length);
  });
});

describe('csp demo with data-quality faults', () => {
  it('rejects exactly the rows the generator spoiled, file by file', async () => {
    const dir = tempDir('faults');
    const demo = await csp(
      ['demo', '--out', dir, '--seed', '11', '--from', '2020-09-01', '--to', '2020-10-31', '--fault-rate', '0.02'],
      { CSP_DATA_DIR: path.join(dir, 'data') },
    );
    expect(demo.code, demo.stderr).toBe(0);
    const written = logLines(demo.stdout).filter((l) => l.faults !== undefined);
    const byFile = new Map(written.map((l) => [path.relative(dir, String(l.file)).split(path.sep).join('/'), l]));
    expect(byFile.size).toBeGreaterThan(15);
    expect(written.reduce((s, l) => s + (l.faults as number), 0)).toBeGreaterThan(50);
    const extract = await csp(['extract', '--input', dir, '--json'], { CSP_DATA_DIR: path.join(dir, 'data') });
    const files = extract.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(files.map((f) => f.file).sort()).toEqual([...byFile.keys()].sort());
    for (const f of files) {
      const w = byFile.get(String(f.file))!;
      expect({ file: f.file, status: f.status, read: f.read, landed: f.landed, rejected: f.rejected }).toEqual({
        file: f.file,
        status: 'loaded',
        read: w.rows,
        landed: (w.rows as number) - (w.faults as number),
        rejected: w.faults,
      });
    }
  });
});

describe('what analysts get with each published run', () => {
  /** The DuckDB shell on `db` read-only, or with no database at all (files only). */
  const duckdb = (sql: string, db?: string) =>
    execFileSync(path.join(venvBinDir, 'duckdb'), [...(db ? ['-readonly', db] : []), '-csv', '-noheader', '-c', sql], {
      encoding: 'utf8',
    }).trim();
  const martTables = (db: string) =>
    duckdb(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'marts' AND table_type = 'BASE TABLE' ORDER BY 1`,
      db,
    ).split('\n');
  const manifest = () =>
    JSON.parse(readFileSync(path.join(data, 'docs', 'manifest.json'), 'utf8')) as {
      nodes: Record<
        string,
        {
          resource_type: string;
          name: string;
          schema: string;
          description: string;
          columns: Record<string, { description: string }>;
        }
      >;
      exposures: Record<string, { name: string; meta: { report_folder?: string }; depends_on: { nodes: string[] } }>;
    };

  it('writes every mart of the pseudonymised warehouse as Parquet, row for row, behind a parquet/ link to the latest run', () => {
    const pseudonymised = path.join(data, 'current', 'warehouse-pseudonymised.duckdb');
    const tables = martTables(pseudonymised);
    expect(tables).toEqual(expect.arrayContaining(['fct_contacts', 'kpi_monthly', 'dim_child']));
    expect(readdirSync(path.join(data, 'parquet')).sort()).toEqual(tables.map((t) => `${t}.parquet`).sort());
    expect(realpathSync(path.join(data, 'parquet'))).toBe(
      path.join(realpathSync(path.join(data, 'current')), 'parquet'),
    );
    const pq = (t: string) => `read_parquet('${path.join(data, 'parquet', `${t}.parquet`)}')`;
    // Read the Parquet files alone (no warehouse attached): the contacts are the export's rows, recounted above.
    expect(Number(duckdb(`SELECT count(*) FROM ${pq('fct_contacts')}`))).toBe(rows.length);
    // And each file is its table, row for row, both ways.
    const diff = tables
      .map(
        (t) =>
          `SELECT '${t}', (SELECT count(*) FROM (SELECT * FROM marts.${t} EXCEPT ALL SELECT * FROM ${pq(t)})) + (SELECT count(*) FROM (SELECT * FROM ${pq(t)} EXCEPT ALL SELECT * FROM marts.${t}))`,
      )
      .join(' UNION ALL ');
    expect(
      duckdb(diff, pseudonymised)
        .split('\n')
        .filter((l) => !l.endsWith(',0')),
    ).toEqual([]);
  });

  it('explains every mart and column in the duckdb shell, in the words of the dbt docs', () => {
    const described = new Map<string, string>();
    for (const n of Object.values(manifest().nodes)) {
      if (n.resource_type !== 'model' || !n.schema.endsWith('marts')) continue;
      described.set(n.name, n.description.trim());
      for (const [col, c] of Object.entries(n.columns)) described.set(`${n.name}.${col}`, c.description.trim());
    }
    const wh = path.join(data, 'warehouse.duckdb');
    const tables = JSON.parse(
      execFileSync(
        path.join(venvBinDir, 'duckdb'),
        [
          '-readonly',
          '-json',
          wh,
          '-c',
          `SELECT table_name AS k, comment FROM duckdb_tables() WHERE schema_name = 'marts'`,
        ],
        { encoding: 'utf8' },
      ),
    ) as { k: string; comment: string | null }[];
    const columns = JSON.parse(
      execFileSync(
        path.join(venvBinDir, 'duckdb'),
        [
          '-readonly',
          '-json',
          wh,
          '-c',
          `SELECT table_name || '.' || column_name AS k, comment FROM duckdb_columns() WHERE schema_name = 'marts'`,
        ],
        { encoding: 'utf8' },
      ),
    ) as { k: string; comment: string | null }[];
    expect(columns.length).toBeGreaterThan(200);
    const missing = [...tables, ...columns].filter((r) => !r.comment?.trim()).map((r) => r.k);
    expect(missing, 'marts or columns with no description in their _models.yml').toEqual([]);
    for (const r of [...tables, ...columns]) expect(r.comment!.trim(), r.k).toBe(described.get(r.k));
  });

  it('publishes the dbt docs with one exposure per appendix folder, depending on exactly the tables its code reads', () => {
    const page = readFileSync(path.join(data, 'docs', 'index.html'), 'utf8');
    expect(page).toContain('kpi_monthly'); // the static page carries its manifest and catalog inline
    expect(page).not.toMatch(/<script[^>]+src=["']?https?:/i);
    const exposures = Object.values(manifest().exposures);
    const folders = readdirSync(path.join(projectRoot, 'reports'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(projectRoot, 'reports', d.name, 'build.ts')))
      .map((d) => d.name);
    expect(folders.length).toBeGreaterThanOrEqual(3);
    for (const folder of folders) {
      const exposure = exposures.find((e) => e.meta.report_folder === `reports/${folder}`);
      expect(
        exposure,
        `an exposure for reports/${folder} in sql/models/marts/_appendices__exposures.yml`,
      ).toBeDefined();
      // What the report's code queries, read from the code itself (schema-qualified table names).
      const dir = path.join(projectRoot, 'reports', folder);
      const code = readdirSync(dir)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .map((f) => readFileSync(path.join(dir, f), 'utf8'))
        .join('\n');
      const queried = new Set([...code.matchAll(/\b(?:marts|reference)\.([a-z][a-z0-9_]*)\b/g)].map((m) => m[1]!));
      const declared = new Set(exposure!.depends_on.nodes.map((n) => n.split('.').at(-1)!));
      expect([...declared].sort(), `reports/${folder}`).toEqual([...queried].sort());
    }
  });

  it('passes every dbt unit test (hand-made edge cases for the KPI models) on the built warehouse', () => {
    const unitTests = Object.keys((manifest() as unknown as { unit_tests: Record<string, unknown> }).unit_tests);
    expect(unitTests.length).toBeGreaterThanOrEqual(2);
    // The run's own target folder, so dbt reuses the run's parse; the working database, where the run left it.
    const args = [
      path.join(projectRoot, 'tools', 'bin', 'dbt.mjs'),
      'test',
      '--select',
      'test_type:unit',
      '--target-path',
      path.join(data, 'work', 'dbt-target'),
      '--log-path',
      path.join(data, 'logs'),
    ];
    let out: string;
    try {
      out = execFileSync(process.execPath, args, {
        encoding: 'utf8',
        env: {
          ...process.env,
          CSP_DATA_DIR: data,
          CSP_WAREHOUSE: path.join(data, 'work', 'warehouse.duckdb'),
          DBT_USE_COLORS: 'false',
        },
      });
    } catch (e) {
      throw new Error(`dbt unit tests failed:\n${(e as { stdout?: string }).stdout ?? e}`, { cause: e });
    }
    const done = /PASS=(\d+) WARN=(\d+) ERROR=(\d+) SKIP=(\d+)/.exec(out);
    expect(done?.slice(1).map(Number)).toEqual([unitTests.length, 0, 0, 0]);
  });
});
