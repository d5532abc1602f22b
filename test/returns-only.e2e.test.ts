// A council that sends only its statutory returns: `csp demo --returns` writes the SSDA903 CSVs, the CIN census
// XML and an Ofsted Annex A workbook, `csp run` builds the warehouse and the appendices from them, and the
// care-leaver EET rate and the weekly contacts equal recounts made here from the files the demo wrote.
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../core/calendar/working-days.js';
import { projectRoot, venvBinDir } from '../core/paths.js';
import { csp } from './helpers/cli.js';
import {
  isoDay,
  missingCounts,
  periodsOfCare,
  recountMeasures,
  shownMeasures,
  timedReviews,
} from './helpers/recount.js';
import { auditPublicWorkbooks } from './helpers/disclosure.js';
import { tempDir } from './helpers/tmp.js';

let data: string;
let input: string;
let runOut: { code: number; stdout: string; stderr: string };

const query = (sql: string): string[][] =>
  execFileSync(
    path.join(venvBinDir, 'duckdb'),
    ['-readonly', '-csv', '-noheader', path.join(data, 'warehouse.duckdb'), '-c', sql],
    { encoding: 'utf8' },
  )
    .trim()
    .split('\n')
    .map((l) => l.split(','));

beforeAll(async () => {
  const dir = tempDir('returns');
  data = path.join(dir, 'data');
  input = path.join(dir, 'returns');
  const demo = await csp(['demo', '--returns', '--out', input], { CSP_DATA_DIR: data });
  expect(demo.code, demo.stderr).toBe(0);
  addRowsOutsideTheDemoYears(input);
  runOut = await csp(['run', '--input', input], { CSP_DATA_DIR: data });
}, 900_000);

/**
 * Real records older than any the demo makes: a child assessed in 1970 (CIN census) and a period of care from May
 * 2012 to January 2013 (903). Both are dates a child's record can hold, so they land and must reach the marts.
 */
function addRowsOutsideTheDemoYears(dir: string): void {
  const census = path.join(dir, 'cin-census.xml');
  const child1970 = `<Child><ChildIdentifiers><LAchildID>C1970001</LAchildID><UPN/><PersonBirthDate>1962-02-14</PersonBirthDate><GenderCurrent>1</GenderCurrent><PersonDeathDate/></ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
  <CINdetails><CINreferralDate>1970-05-04</CINreferralDate><ReferralSource>2A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><CINclosureDate>1971-03-31</CINclosureDate><ReasonForClosure>RC8</ReasonForClosure><ReferralNFA>0</ReferralNFA><Assessments><AssessmentActualStartDate>1970-05-06</AssessmentActualStartDate><AssessmentInternalReviewDate/><AssessmentAuthorisationDate>1970-06-12</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment><AssessmentFactors>21</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments></CINdetails>
</Child>
`;
  writeFileSync(census, readFileSync(census, 'utf8').replace('</Children>', `${child1970}</Children>`));
  appendFileSync(path.join(dir, 'ssda903', 'header.csv'), 'C2012001,2,03/09/2006,WBRI,,,\r\n');
  appendFileSync(
    path.join(dir, 'ssda903', 'episodes.csv'),
    'C2012001,01/05/2012,S,V2,N1,U1,PR1,10/01/2013,E4A,,,,\r\n',
  );
}

/** Age in whole years on a day, from dd/mm/yyyy (written here, not borrowed from the pipeline). */
function ageOn(dobUk: string, isoDay: string): number {
  const [d, m, y] = dobUk.split('/');
  const [ty, tm, td] = isoDay.split('-');
  return Number(ty) - Number(y) - (`${tm}-${td}` < `${m}-${d}` ? 1 : 0);
}

describe('returns only: csp demo --returns then csp run', () => {
  it('writes the 903 CSV set, the CIN census XML and the Annex A workbook, and the run lands them all and builds the appendices', () => {
    expect(readdirSync(input).sort()).toEqual(['annex-a.xlsx', 'cin-census.xml', 'ssda903']);
    expect(readdirSync(path.join(input, 'ssda903')).sort()).toEqual([
      'ad1.csv',
      'episodes.csv',
      'header.csv',
      'missing.csv',
      'oc3.csv',
      'placed-adoption.csv',
      'reviews.csv',
    ]);
    expect(runOut.code, runOut.stderr + runOut.stdout.slice(-3000)).toBe(0);
    const appendices = readdirSync(path.join(data, 'appendices'));
    expect(appendices.some((f) => f.endsWith('.xlsx'))).toBe(true);
    // Every stream of the XML landed into its own table, and the deliberate faults were rejected, not dropped.
    const loads = query(
      "SELECT source, sum(rows_read) = sum(rows_landed) + sum(rows_rejected), sum(rows_landed) > 0 FROM raw._loads WHERE status = 'loaded' AND is_current GROUP BY source ORDER BY source",
    );
    expect(loads.map((l) => l[0]).filter((s) => !s!.startsWith('annex_a.'))).toEqual([
      'cin_census.assessments',
      'cin_census.children',
      'cin_census.cp_plans',
      'cin_census.cp_reviews',
      'cin_census.referrals',
      'cin_census.s47_enquiries',
      'ssda903.ad1',
      'ssda903.episodes',
      'ssda903.header',
      'ssda903.missing',
      'ssda903.oc3',
      'ssda903.placed_adoption',
      'ssda903.reviews',
    ]);
    expect(loads.map((l) => l[0]).filter((s) => s!.startsWith('annex_a.')).length).toBeGreaterThanOrEqual(10);
    for (const l of loads) expect(l.slice(1)).toEqual(['true', 'true']);
    // The facts fill from the returns alone.
    const facts = query(
      'SELECT (SELECT count(*) FROM marts.fct_assessments) > 0, (SELECT count(*) FROM marts.fct_cp_plans) > 0, (SELECT count(*) FROM marts.fct_referrals) > 0, (SELECT count(*) FROM marts.fct_permanency) > 0',
    );
    expect(facts).toEqual([['true', 'true', 'true', 'true']]);
    // Precedence with all three returns: the return made for the entity wins over Annex A, never a mix.
    const sources = query(`SELECT 'children', string_agg(DISTINCT record_source, ',') FROM intermediate.int_children
      UNION ALL SELECT 'assessments', string_agg(DISTINCT record_source, ',') FROM intermediate.int_assessments
      UNION ALL SELECT 'cp_plans', string_agg(DISTINCT record_source, ',') FROM intermediate.int_cp_plans
      UNION ALL SELECT 'episodes', string_agg(DISTINCT record_source, ',') FROM intermediate.int_cla_episodes
      UNION ALL SELECT 'care_leavers', string_agg(DISTINCT record_source, ',') FROM intermediate.int_care_leaver_contacts ORDER BY 1`);
    expect(sources).toEqual([
      ['assessments', 'stg_cin_census__assessments'],
      ['care_leavers', 'stg_ssda903__oc3'],
      ['children', 'stg_ssda903__header'],
      ['cp_plans', 'stg_cin_census__cp_plans'],
      ['episodes', 'stg_ssda903__episodes'],
    ]);
  });

  it('takes a 1970 assessment and a period of care from 2012 into the marts', () => {
    expect(runOut.code).toBe(0);
    expect(
      query(
        "SELECT start_date, authorised_date, authorised_month FROM marts.fct_assessments WHERE start_date < DATE '2000-01-01'",
      ),
    ).toEqual([['1970-05-06', '1970-06-12', '1970-06-01']]);
    expect(
      query(
        "SELECT entered_care_date, entered_care_financial_year, entered_care_month, left_care_date FROM marts.fct_permanency WHERE entered_care_date = DATE '2012-05-01' AND left_care_date = DATE '2013-01-10'",
      ),
    ).toEqual([['2012-05-01', '2012/13', '2012-05-01', '2013-01-10']]);
    // The demo's own periods of care that began before 2015 are there too (an inner join to a 2015-2030 calendar lost them).
    const earlyEpisodes = (
      parse(readFileSync(path.join(input, 'ssda903', 'episodes.csv')), { columns: true, bom: true }) as Record<
        string,
        string
      >[]
    ).filter((e) => e.RNE === 'S' && !/^V[134]$/.test(e.LS!) && e.DECOM!.slice(6) < '2015'); // short breaks only are not periods of care there
    expect(earlyEpisodes.length).toBeGreaterThan(1);
    expect(
      Number(query("SELECT count(*) FROM marts.fct_permanency WHERE entered_care_date < DATE '2015-01-01'")[0]![0]),
    ).toBeGreaterThanOrEqual(earlyEpisodes.length);
    expect(
      query('SELECT min(date_day), max(date_day) = make_date(year(current_date) + 20, 12, 31) FROM marts.dim_date'),
    ).toEqual([['1900-01-01', 'true']]);
  });

  it('dates the data from the returns themselves, not from when the files were copied', async () => {
    const next = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    const asAt = new Map(
      query("SELECT source, strftime(data_as_at, '%Y-%m-%d %H:%M'), data_as_at_basis FROM marts.meta_data_as_at").map(
        ([s, d, b]) => [s!, `${d} / ${b}`],
      ),
    );
    // CIN census: its header's ReferenceDate (the data holds all of that day, so it is as at the start of the next).
    const reference = /<ReferenceDate>(\d{4}-\d\d-\d\d)<\/ReferenceDate>/.exec(
      readFileSync(path.join(input, 'cin-census.xml'), 'utf8'),
    )![1]!;
    expect(asAt.get('cin_census.assessments')).toBe(`${next(reference)} 00:00 / the census ReferenceDate`);
    // SSDA903: the 31 March ending the collection year of the set's latest date (births aside, none after today).
    let latest = '';
    for (const f of readdirSync(path.join(input, 'ssda903'))) {
      const rows = parse(readFileSync(path.join(input, 'ssda903', f)), { columns: true, bom: true }) as Record<
        string,
        string
      >[];
      for (const r of rows)
        for (const [col, v] of Object.entries(r)) {
          const m = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(v ?? '');
          const day = m ? `${m[3]}-${m[2]}-${m[1]}` : '';
          if (m && !/DOB$/.test(col) && day <= today && day > latest) latest = day;
        }
    }
    const yearEnd = `${Number(latest.slice(0, 4)) + (latest.slice(5) >= '04-01' ? 1 : 0)}-03-31`;
    for (const source of ['ssda903.episodes', 'ssda903.oc3', 'ssda903.header'])
      expect(asAt.get(source), source).toBe(
        `${next(yearEnd)} 00:00 / 31 March ending the collection year of the latest date in the return`,
      );
    // Annex A: the latest date anywhere in the workbook (dates of birth aside).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(input, 'annex-a.xlsx'));
    let annexLatest = '';
    for (const ws of wb.worksheets) {
      const dateColumns = new Set<number>();
      ws.eachRow((row) =>
        row.eachCell((c, col) => {
          const v = c.value;
          if (typeof v === 'string' && /date/i.test(v) && !/birth/i.test(v)) dateColumns.add(col);
          if (!dateColumns.has(col)) return;
          const uk = typeof v === 'string' ? /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(v) : null;
          const serial = typeof v === 'number' || (typeof v === 'string' && /^\d{5}$/.test(v)) ? Number(v) : null;
          const day =
            v instanceof Date
              ? v.toISOString().slice(0, 10)
              : uk
                ? `${uk[3]}-${uk[2]}-${uk[1]}`
                : serial
                  ? new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10)
                  : '';
          if (day && day <= today && day > annexLatest) annexLatest = day;
        }),
      );
    }
    expect(asAt.get('annex_a.list_1_contacts')).toBe(`${next(annexLatest)} 00:00 / the latest date in the workbook`);
  });

  it('reports the care-leaver EET rate (aged 19-21, March 2021) exactly as recounted from the OC3 file', () => {
    const oc3 = parse(readFileSync(path.join(input, 'ssda903', 'oc3.csv')), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    // DfE: care leavers aged 19-21 at the month end, less those who died or returned home; EET = F1-F5, P1-P5.
    const inScope = oc3.filter((r) => {
      const age = ageOn(r.DOB!, '2021-03-31');
      return age >= 19 && age <= 21 && !['DIED', 'RHOM'].includes(r.IN_TOUCH!);
    });
    const eet = inScope.filter((r) => /^[FP][1-5]$/.test(r.ACTIV ?? '')).length;
    expect(inScope.length).toBeGreaterThan(50);
    const kpi = query(
      "SELECT numerator::INTEGER, denominator::INTEGER FROM marts.kpi_monthly WHERE measure_id = 'care_leavers_19_21_eet' AND period_type = 'month' AND period_label = 'March 2021'",
    );
    expect(kpi).toEqual([[String(eet), String(inScope.length)]]);
    const fct = query(
      "SELECT count(*) FILTER (WHERE activity_status = 'EET'), count(*) FROM marts.fct_care_leaver_eet WHERE month_end = DATE '2021-03-31' AND is_aged_19_21 AND NOT is_dfe_excluded",
    );
    expect(fct).toEqual([[String(eet), String(inScope.length)]]);
  });

  it('counts the weekly contacts exactly as recounted from Annex A List 1, in the warehouse and in the appendix', async () => {
    // Recount: every List 1 row with a real contact date, by the Monday of its week. Dates come as Excel dates,
    // serial numbers or dd/mm/yyyy text; `#N/A` rows are the deliberate faults and must not count.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(input, 'annex-a.xlsx'));
    const list1 = wb.worksheets.find((w) => /list 1/i.test(w.name))!;
    let dateCol = 0;
    let headerRow = 0;
    list1.eachRow((row, n) => {
      row.eachCell((c, col) => {
        if (!headerRow && String(c.value).replace(/\s+/g, ' ').trim() === 'Date of Contact')
          [headerRow, dateCol] = [n, col];
      });
    });
    const weekly = new Map<string, number>();
    let faults = 0;
    list1.eachRow((row, n) => {
      if (n <= headerRow) return;
      const v = row.getCell(dateCol).value;
      let day: Date | null = null;
      if (v instanceof Date) day = v;
      else if (typeof v === 'number') day = new Date(Date.UTC(1899, 11, 30) + v * 86_400_000);
      else if (typeof v === 'string' && /^\d\d\/\d\d\/\d{4}$/.test(v))
        day = new Date(Date.UTC(Number(v.slice(6)), Number(v.slice(3, 5)) - 1, Number(v.slice(0, 2))));
      if (!day) return void faults++;
      const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
      weekly.set(monday, (weekly.get(monday) ?? 0) + 1);
    });
    expect(weekly.size).toBeGreaterThan(50);
    const warehouse = query(
      'SELECT week_start, count(*) FROM marts.fct_contacts GROUP BY week_start ORDER BY week_start',
    );
    expect(warehouse.map(([w, n]) => [w, Number(n)])).toEqual(
      [...weekly.entries()].sort(([a], [b]) => a.localeCompare(b)),
    );
    expect(query('SELECT DISTINCT source_system FROM marts.fct_contacts')).toEqual([['annex_a']]);
    const rejected = query(
      "SELECT count(DISTINCT line_number) FROM raw._rejects WHERE source = 'annex_a.list_1_contacts'",
    );
    expect(Number(rejected[0]![0])).toBe(faults);

    // The restricted Contact Activity appendix shows the same weekly totals.
    const appendixFile = readdirSync(path.join(data, 'appendices')).find((f) =>
      /contact-activity.*restricted.*\.xlsx$/i.test(f),
    )!;
    const appendix = new ExcelJS.Workbook();
    await appendix.xlsx.readFile(path.join(data, 'appendices', appendixFile));
    const shown: Array<[string, number]> = [];
    appendix.getWorksheet('Weekly contacts')!.eachRow((row) => {
      const week = row.getCell(2).value;
      if (week instanceof Date) shown.push([week.toISOString().slice(0, 10), Number(row.getCell(3).value)]);
    });
    expect(shown.length).toBeGreaterThan(4);
    for (const [week, n] of shown) expect([week, n]).toEqual([week, weekly.get(week)]);
  });

  it('counts missing children, CLA reviews and conferences on time and children in care as recounted from the 903 and the CIN census', () => {
    const months = Array.from(
      { length: 12 },
      (_, i) => `${i < 9 ? 2020 : 2021}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`,
    ); // April 2020 to March 2021
    const csv903 = (file: string) =>
      parse(readFileSync(path.join(input, 'ssda903', file)), { columns: true, bom: true }) as Record<string, string>[];
    // Rows the contracts reject (an end before the start, an impossible date) are left out, as the run leaves them out.
    const missing = csv903('missing.csv')
      .filter((r) => !r.MIS_END || isoDay(r.MIS_END)! >= isoDay(r.MIS_START)!)
      .map((r) => ({
        child: r.CHILD!,
        missing: r.MISSING === 'M',
        start: r.MIS_START!,
        end: r.MIS_END || null,
        offered: null,
        offeredAt: null,
        accepted: null,
      }));
    const periods = periodsOfCare(
      csv903('episodes.csv').map((r) => ({
        child: r.CHILD!,
        start: isoDay(r.DECOM)!,
        rne: r.RNE!,
        ls: r.LS!,
        end: isoDay(r.DEC),
        rec: r.REC || null,
      })),
    );
    const reviews = csv903('reviews.csv')
      .map((r) => ({ child: r.CHILD!, date: isoDay(r.REVIEW) }))
      .filter((r): r is { child: string; date: string } => r.date !== null);
    // The 903 holds the collection year's reviews: the sequence is known only for care that began on or after its 1 April.
    const earliest = reviews.map((r) => r.date).sort()[0]!;
    const yearStart = `${Number(earliest.slice(0, 4)) - (earliest.slice(5) < '04-01' ? 1 : 0)}-04-01`;
    const cal = WorkingCalendar.englandAndWales();
    const timed = timedReviews(periods, reviews, cal, yearStart);
    const xml = readFileSync(path.join(input, 'cin-census.xml'), 'utf8');
    const s47s = [...xml.matchAll(/<Section47>(.*?)<\/Section47>/g)].map((m) => ({
      start: /<S47ActualStartDate>([\d-]+)</.exec(m[1]!)![1]!,
      icpc: /<DateOfInitialCPC>([\d-]+)</.exec(m[1]!)?.[1] ?? null,
    }));
    const counts = missingCounts(missing, months);
    const expected = recountMeasures({ missing, periods, reviews: timed, s47s, months, cal });
    expect(counts.childrenTwice).toBeGreaterThan(0);
    expect([...counts.children.values()].every((c) => c.numerator >= 10)).toBe(true);
    expect(timed.filter((t) => t.timescale === 'first').length).toBeGreaterThan(100);

    const rows =
      query(`SELECT measure_id, strftime(period_start, '%Y-%m'), numerator, coalesce(denominator::VARCHAR, '') FROM marts.kpi_monthly
      WHERE period_type = 'month' AND period_start BETWEEN DATE '2020-04-01' AND DATE '2021-03-01' AND measure_id IN (${Object.keys(
        expected,
      )
        .map((k) => `'${k}'`)
        .join(', ')})`);
    const shown = shownMeasures(rows, Object.keys(expected));
    for (const [measure, byMonth] of Object.entries(expected)) {
      // Every month has a figure, except second and later reviews early in the year: the 903 starts each child's
      // review history on 1 April, so those come only once the year's entrants or recorded reviews reach them.
      expect(byMonth.size, measure).toBeGreaterThanOrEqual(
        ['cla_second_reviews_on_time', 'cla_later_reviews_on_time'].includes(measure) ? 6 : 12,
      );
      expect(Object.fromEntries(shown[measure]!), measure).toEqual(Object.fromEntries(byMonth));
    }
    // The 903 records no return interviews (no figure, not 0%), and its missing episodes start with its year.
    expect(
      query(
        "SELECT count(*) FROM marts.kpi_monthly WHERE measure_id IN ('return_interviews_within_72_hours', 'return_interviews_accepted')",
      ),
    ).toEqual([['0']]);
    expect(
      query(
        "SELECT count(*) FROM marts.kpi_monthly WHERE measure_id = 'children_missing' AND period_start < DATE '2020-04-01'",
      ),
    ).toEqual([['0']]);
    expect(query('SELECT DISTINCT record_source, is_looked_after FROM marts.fct_missing_episodes')).toEqual([
      ['stg_ssda903__missing', 'true'],
    ]);
  });

  it('passes the exact disclosure audit: every "c" in every public workbook could be at least 5 values (issue 14)', async () => {
    const audits = await auditPublicWorkbooks(path.join(data, 'appendices'), path.join(data, 'warehouse.duckdb'));
    expect(audits.map((a) => a.report).sort()).toEqual(['contact-activity', 'scorecard']);
    for (const a of audits) {
      expect(a.audit.failures, a.file).toEqual([]);
      for (const r of a.audit.ranges)
        expect(r.span, `${a.file}: ${r.where} [${r.min}, ${r.max}]`).toBeGreaterThanOrEqual(5);
    }
  });

  it('says on the Contact Activity page how many Annex A contacts of its weeks were rejected and so not counted (issue 14)', async () => {
    const manifest = JSON.parse(readFileSync(path.join(data, 'appendices', 'manifest.json'), 'utf8')) as {
      files: { report: string; variant: string; format: string; file: string; periodEnd: string; period: string }[];
    };
    const f = manifest.files.find(
      (x) => x.report === 'contact-activity' && x.variant === 'public' && x.format === 'xlsx',
    )!;
    const weeks = Number(/^(\d+) weeks/.exec(f.period)![1]);
    const firstWeek = new Date(Date.parse(`${f.periodEnd}T00:00:00Z`) - (weeks * 7 - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    // Recounted here: each rejected row once, from the current workbook, by its own Date of Contact.
    const [[inPeriod, undated]] = query(
      `WITH r AS (SELECT DISTINCT r.source_file, r.line_number, coalesce(json_extract_string(any_value(r.raw_record), '$."Date of Contact"'), json_extract_string(any_value(r.raw_record), '$."Date of Contact "')) AS v
                  FROM raw._rejects r JOIN raw._loads l USING (load_id) WHERE l.is_current AND r.source = 'annex_a.list_1_contacts' GROUP BY ALL),
            d AS (SELECT coalesce(try_strptime(v, '%d/%m/%Y')::DATE, try_strptime(v, '%d/%m/%Y %H:%M')::DATE, try_cast(v AS DATE), try_cast(left(v, 10) AS DATE)) AS day FROM r)
       SELECT count(*) FILTER (WHERE day BETWEEN '${firstWeek}' AND '${f.periodEnd}'), count(*) FILTER (WHERE day IS NULL) FROM d`,
    ) as [[string, string]];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(data, 'appendices', f.file));
    const texts: string[] = [];
    wb.getWorksheet('Weekly contacts')!.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === 'string') texts.push(c.value);
      }),
    );
    const said = texts.find((t) => /rejects\.xlsx/.test(t));
    expect(said, texts.join(' | ')).toBeDefined();
    const n = Number(inPeriod);
    expect(said).toContain(
      n === 0 && Number(undated) === 0
        ? `No rows of this appendix's source exports dated in these ${weeks} weeks were rejected`
        : `${n} row${n === 1 ? '' : 's'} of this appendix's source exports dated in these ${weeks} weeks`,
    );
    if (Number(undated) > 0) expect(said).toContain(`a further ${undated} row`);
  });

  it('has the two dbt tests that guard the returns path fail on a copy of its warehouse with a care leaver under 16 and a contact lost while another is doubled', () => {
    // The run passed both (it published). Break a copy of its working warehouse the way each test exists to catch:
    // a care leaver who left care as a child (the returns' children, not case management's), and one contact
    // lost with another doubled (the count stays the same).
    const dir = tempDir('broken-warehouse');
    const warehouse = path.join(dir, 'warehouse.duckdb');
    copyFileSync(path.join(data, 'work', 'warehouse.duckdb'), warehouse);
    cpSync(path.join(data, 'work', 'dbt-target'), path.join(dir, 'dbt-target'), { recursive: true });
    const sql = (statement: string) =>
      execFileSync(path.join(venvBinDir, 'duckdb'), [warehouse, '-csv', '-noheader', '-c', statement], {
        encoding: 'utf8',
      }).trim();
    const leaverRows = Number(
      sql(
        'SELECT count(*) FROM marts.fct_care_leaver_eet WHERE child_key = (SELECT min(child_key) FROM marts.fct_care_leaver_eet)',
      ),
    );
    expect(leaverRows).toBeGreaterThan(0);
    sql(
      `UPDATE marts.fct_care_leaver_eet SET left_care_date = DATE '1990-01-01' WHERE child_key = (SELECT min(child_key) FROM marts.fct_care_leaver_eet)`,
    );
    const before = sql('SELECT count(*) FROM marts.fct_contacts');
    sql(`DELETE FROM marts.fct_contacts WHERE contact_key = (SELECT min(contact_key) FROM marts.fct_contacts);
         INSERT INTO marts.fct_contacts SELECT * FROM marts.fct_contacts WHERE contact_key = (SELECT max(contact_key) FROM marts.fct_contacts)`);
    expect(sql('SELECT count(*) FROM marts.fct_contacts')).toBe(before);
    const tests = ['assert_care_leavers_left_care_at_16_or_over', 'assert_every_contact_reaches_fct_contacts'];
    const args = [
      path.join(projectRoot, 'tools', 'bin', 'dbt.mjs'),
      'test',
      '--select',
      ...tests,
      '--target-path',
      path.join(dir, 'dbt-target'),
      '--log-path',
      path.join(dir, 'logs'),
    ];
    let out: string;
    try {
      out = execFileSync(process.execPath, args, {
        encoding: 'utf8',
        env: { ...process.env, CSP_DATA_DIR: data, CSP_WAREHOUSE: warehouse, DBT_USE_COLORS: 'false' },
      });
    } catch (e) {
      out = (e as { stdout?: string }).stdout ?? String(e);
    }
    const results = (
      JSON.parse(readFileSync(path.join(dir, 'dbt-target', 'run_results.json'), 'utf8')) as {
        results: { unique_id: string; status: string; failures: number | null }[];
      }
    ).results;
    expect(results.map((r) => [r.unique_id.split('.').at(-1), r.status, r.failures]).sort(), out).toEqual([
      ['assert_care_leavers_left_care_at_16_or_over', 'fail', leaverRows],
      ['assert_every_contact_reaches_fct_contacts', 'fail', 2],
    ]);
  }, 300_000);
});

// The DfE's rules (Data to Insight's validators) run in the same shared run. The demo breaks one row per chosen
// rule on purpose; the children each rule reports must be exactly those recounted here from the files.
describe('return readiness: the DfE validation rules on the demo returns', () => {
  // Rows as objects (the rules' messages hold commas).
  const rowsOf = (sql: string): Record<string, unknown>[] => {
    const out = execFileSync(
      path.join(venvBinDir, 'duckdb'),
      ['-readonly', '-json', path.join(data, 'warehouse.duckdb'), '-c', sql],
      { encoding: 'utf8' },
    ).trim();
    return out ? (JSON.parse(out) as Record<string, unknown>[]) : [];
  };
  const flagged = (ret: string, rule: string) =>
    rowsOf(
      `SELECT DISTINCT child_id FROM validation.findings WHERE return_type = '${ret}' AND rule_code = '${rule}' AND fixed_run IS NULL ORDER BY 1`,
    ).map((r) => String(r.child_id));
  const xml = () => readFileSync(path.join(input, 'cin-census.xml'), 'utf8');
  const isDate = (s: string | undefined) =>
    !!s && /^\d{4}-\d\d-\d\d$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 10) === s;
  const perChild = (each: (childId: string, block: string) => boolean) =>
    [...xml().matchAll(/<Child>([\s\S]*?)<\/Child>/g)]
      .map((m) => m[1]!)
      .filter((b) => each(/<LAchildID>([^<]*)</.exec(b)![1]!, b))
      .map((b) => /<LAchildID>([^<]*)</.exec(b)![1]!)
      .sort();

  it('903 rule 148 (REC given, DEC blank) names exactly the children whose episodes the file has so', () => {
    const episodes = parse(readFileSync(path.join(input, 'ssda903', 'episodes.csv')), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    const expected = [
      ...new Set(episodes.filter((e) => (e.REC ?? '') !== '' && (e.DEC ?? '') === '').map((e) => e.CHILD!)),
    ].sort();
    expect(expected.length).toBeGreaterThanOrEqual(1);
    expect(flagged('ssda903', '148')).toEqual(expected);
    // The finding names the file, its line and the values, and quotes the DfE's rule.
    const [row] = rowsOf(
      `SELECT f.source_file, f.line_number::INTEGER AS line, f.fields, f.field_values, m.rule_message FROM validation.findings f JOIN marts.fct_return_validation m USING (finding_key) WHERE f.rule_code = '148' AND f.child_id = '${expected[0]}'`,
    );
    const line =
      readFileSync(path.join(input, 'ssda903', 'episodes.csv'), 'utf8')
        .split(/\r?\n/)
        .findIndex(
          (l) =>
            l.replace(/^\uFEFF/, '').startsWith(`${expected[0]},`) && l.split(',')[7] === '' && l.split(',')[8] !== '',
        ) + 1;
    expect(row).toEqual({
      source_file: 'ssda903/episodes.csv',
      line,
      fields: ['DEC', 'REC'],
      field_values: [null, 'X1'],
      rule_message: 'Date episode ceased and reason episode ceased must both be coded, or both left blank.',
    });
  });

  it('CIN rule 8650 (unknown PrimaryNeedCode) and 8608 (assessment authorised before it started) name exactly the children the XML has so', () => {
    const needs = perChild((_, b) =>
      [...b.matchAll(/<PrimaryNeedCode>([^<]*)</g)].some((m) => !/^N[0-9]$/.test(m[1]!)),
    );
    expect(needs.length).toBeGreaterThanOrEqual(1);
    expect(flagged('cin_census', '8650')).toEqual(needs);
    const early = perChild((_, b) =>
      [
        ...b.matchAll(
          /<AssessmentActualStartDate>([^<]*)<\/AssessmentActualStartDate><AssessmentInternalReviewDate\/><AssessmentAuthorisationDate>([^<]*)</g,
        ),
      ].some((m) => isDate(m[1]) && isDate(m[2]) && m[2]! < m[1]!),
    );
    expect(early.length).toBeGreaterThanOrEqual(1);
    expect(flagged('cin_census', '8608')).toEqual(early);
  });

  it('writes the restricted return-readiness workbook, which reads back with the same open errors as the warehouse', async () => {
    const files = readdirSync(path.join(data, 'appendices')).filter((f) => f.startsWith('return-readiness-'));
    expect(files.sort().map((f) => f.replace(/\d{4}-\d\d-\d\d/, 'D'))).toEqual([
      'return-readiness-D-restricted.pdf',
      'return-readiness-D-restricted.xlsx',
    ]);
    const manifest = JSON.parse(readFileSync(path.join(data, 'appendices', 'manifest.json'), 'utf8')) as {
      files: { report: string; variant: string }[];
    };
    expect(manifest.files.filter((f) => f.report === 'return-readiness').map((f) => f.variant)).toEqual([
      'restricted',
      'restricted',
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(
      path.join(
        data,
        'appendices',
        files.find((f) => f.endsWith('.xlsx'))!,
      ),
    );
    const rows = (sheet: string) => {
      const out: string[][] = [];
      wb.getWorksheet(sheet)!.eachRow((r, n) => {
        if (n > 4)
          out.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
      });
      return out;
    };
    const open = Number(query("SELECT count(*) FROM marts.fct_return_validation WHERE status = 'open'")[0]![0]);
    expect(open).toBeGreaterThan(100);
    const children = rows('Children');
    expect(children.length).toBe(open);
    // Sorted for team managers: child by child.
    const ids = children.map((r) => r[0]!);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const c148 = flagged('ssda903', '148')[0]!;
    expect(children.some((r) => r[0] === c148 && r[2] === '148' && r[4] === 'DEC = (blank); REC = X1')).toBe(true);
    const byRule = rows('By rule');
    const openByRule = rowsOf(
      "SELECT return_name || ' ' || collection_year_label AS ret, rule_code, count(*)::INTEGER AS n FROM marts.fct_return_validation WHERE status = 'open' GROUP BY ALL ORDER BY 2, 1",
    ).map((r) => [r.ret, r.rule_code, String(r.n)]);
    expect(
      byRule.map((r) => [r[0], r[1], r[3]]).sort((a, b) => a[1]!.localeCompare(b[1]!) || a[0]!.localeCompare(b[0]!)),
    ).toEqual(openByRule);
    // Every rule found is quoted in the DfE's words, as the validator has them.
    const quoted = rows('Rules');
    const [rule148] = rowsOf(
      "SELECT ruleset, message FROM validation.rules WHERE rule_code = '148' AND ruleset IN (SELECT ruleset FROM validation.findings WHERE rule_code = '148')",
    );
    expect(quoted).toContainEqual(['SSDA903', rule148!.ruleset, '148', rule148!.message]);
    expect(new Set(quoted.map((q) => q[2])).size).toBe(new Set(openByRule.map((r) => r[1])).size);
  });

  it('gives the open errors per return in csp status', async () => {
    const st = await csp(['status'], { CSP_DATA_DIR: data });
    for (const [ret, label, n] of query(
      "SELECT return_type, return_name || ' ' || collection_year_label, count(*) FROM marts.fct_return_validation WHERE status = 'open' GROUP BY ALL",
    )) {
      expect(st.stdout, ret).toContain(
        `${label} (${ret === 'ssda903' ? 'ssda903' : 'cin-census.xml'}): ${Number(n).toLocaleString('en-GB')} open error(s)`,
      );
    }
  });

  it('publishes as usual when the validators are missing, and says "validation not run" in the log, run record, status and report', async () => {
    const openBefore = query('SELECT count(*) FROM validation.findings WHERE fixed_run IS NULL')[0]![0];
    const again = await csp(['run', '--input', input, '--force'], {
      CSP_DATA_DIR: data,
      CSP_VALIDATORS_PYTHON: path.join(data, 'no-such-venv', 'python'),
    });
    expect(again.code, again.stderr + again.stdout.slice(-3000)).toBe(0);
    const runId = /run (\d{8}T\d{6}Z-[0-9a-f]{4})/.exec(again.stdout + again.stderr)![1]!;
    expect(again.stdout).toContain(
      'validation not run for SSDA903 2020/21 (ssda903): the DfE validators are not installed',
    );
    const record = JSON.parse(readFileSync(path.join(data, 'runs', `${runId}.json`), 'utf8')) as {
      published: boolean;
      validation: { status: string; returns: { status: string; reason: string }[] };
    };
    expect(record.published).toBe(true);
    expect(record.validation.status).toBe('not run');
    expect(record.validation.returns.map((r) => r.status)).toEqual(['not run', 'not run']);
    const status = JSON.parse(readFileSync(path.join(data, 'status.json'), 'utf8')) as {
      published: { runId: string };
      validation: { status: string };
    };
    expect([status.published.runId, status.validation.status]).toEqual([runId, 'not run']);
    expect((await csp(['status'], { CSP_DATA_DIR: data })).stdout).toContain(
      'validation not run: the DfE validators are not installed',
    );
    // A night the rules did not run fixes nothing: yesterday's findings stay open.
    expect(query('SELECT count(*) FROM validation.findings WHERE fixed_run IS NULL')[0]![0]).toBe(openBefore);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(
      path.join(
        data,
        'appendices',
        readdirSync(path.join(data, 'appendices')).find((f) => /^return-readiness-.*\.xlsx$/.test(f))!,
      ),
    );
    const text: string[] = [];
    wb.getWorksheet('Validation')!.eachRow((r) => text.push((r.values as unknown[]).join(' ')));
    expect(text.join('\n')).toContain('validation not run: the DfE validators are not installed');
  });
});
