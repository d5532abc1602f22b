// The DfE returns as Data to Insight's validators ship them (their public fake data, test/fixtures/dfe-validators):
// every file is recognised by its exact DfE layout and lands, and no code valid in the return's collection year is
// refused; a code is checked against the year the return is (CIN census ReferenceDate, the 903's dates or config).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract, type ExtractSummary } from '../pipelines/extract/extract.js';
import { ssda903Year } from '../pipelines/extract/return-year.js';
import { silentLogger } from '../core/logger.js';
import { withWarehouse } from '../core/warehouse.js';
import { contracts } from '../sources/catalog.js';
import { tempDir, writeCsv } from './helpers/tmp.js';

const FIXTURES = path.resolve('test/fixtures/dfe-validators');
const fixture = (...p: string[]) => path.join(FIXTURES, ...p);
const csvRows = (file: string): Record<string, string>[] =>
  parse(readFileSync(file, 'utf8').replace(/^\ufeff/, ''), { columns: true, skip_empty_lines: true });
const countElements = (xml: string, name: string) => (xml.match(new RegExp(`<${name}[ >]`, 'g')) ?? []).length;

type Reject = { source_file: string; column_name: string; raw_value: string; reason: string };

async function land(
  input: string,
  ssda903Year?: string,
): Promise<{ summary: ExtractSummary; rejects: Reject[]; query: <T>(sql: string) => Promise<T[]> }> {
  const dir = tempDir('dfe-fake');
  const db = path.join(dir, 'w.duckdb');
  return withWarehouse(db, {}, async (w) => {
    const summary = await extract(w, {
      inputDir: input,
      runId: '20261201T000000Z-fake',
      log: silentLogger(),
      ssda903Year,
    });
    const rejects = await w.json<Reject>(
      'SELECT source_file, column_name, raw_value, reason FROM raw._rejects ORDER BY source_file, line_number, column_name',
    );
    const rows = new Map<string, unknown[]>();
    // Answers are read now (the warehouse closes after this block).
    for (const sql of QUERIES) rows.set(sql, await w.json(sql));
    return { summary, rejects, query: async <T>(sql: string) => rows.get(sql) as T[] };
  });
}

const PLACE_COUNTS =
  "SELECT placement_type AS code, count(*)::INTEGER AS n FROM raw.ssda903__episodes WHERE _source_file = 'ssda903/episodes.csv' GROUP BY 1";
const QUERIES = [PLACE_COUNTS];

describe("the validators' fake SSDA903 (2023/24, named in config) and CIN census files", () => {
  let landed: Awaited<ReturnType<typeof land>>;
  beforeAll(async () => {
    const input = path.join(tempDir('dfe-fake-in'), 'in');
    cpSync(FIXTURES, input, { recursive: true, filter: (f) => !f.endsWith('README.md') });
    landed = await land(input, '2023/24');
  });

  it('recognises every file by its layout and lands every row it reads or says why not', () => {
    const by = new Map(landed.summary.files.map((f) => [f.file, f]));
    // CSVs by their exact DfE header set, each row counted by csv-parse independently of the pipeline's reader.
    const csvTables: [string, string][] = [
      ['DoLo.csv', 'ssda903.dolo'],
      ['ad1.csv', 'ssda903.ad1'],
      ['episodes.csv', 'ssda903.episodes'],
      ['header.csv', 'ssda903.header'],
      ['missing.csv', 'ssda903.missing'],
      ['oc2.csv', 'ssda903.oc2'],
      ['oc3.csv', 'ssda903.oc3'],
      ['placed_for_adoption.csv', 'ssda903.placed_adoption'],
      ['previous_permanence.csv', 'ssda903.prev_perm'],
      ['reviews.csv', 'ssda903.reviews'],
      ['sw_episodes.csv', 'ssda903.sw_episodes'],
      ['uasc.csv', 'ssda903.uasc'],
    ];
    for (const [file, source] of csvTables) {
      const r = by.get(`ssda903/${file}`);
      expect([file, r?.source, r?.status, r?.read]).toEqual([
        file,
        source,
        'loaded',
        csvRows(fixture('ssda903', file)).length,
      ]);
      expect(r!.landed + r!.rejected).toBe(r!.read);
    }
    // The DfE's 903 XML (EXPSSDA903 / CHILD / HEADER / EPISODE ...): one record per element, counted in the text.
    const xml = readFileSync(fixture('ssda903', 'fake_903.xml'), 'utf8');
    const xmlStreams: [string, number][] = [
      ['header', countElements(xml, 'CHILD')],
      ['episodes', countElements(xml, 'EPISODE')],
      ['reviews', countElements(xml, 'AREVIEW')],
      ['missing', countElements(xml, 'AMISSING')],
      ['oc2', countElements(xml, 'OC2')],
      ['prev_perm', countElements(xml, 'PERMANENCE')],
      ['placed_adoption', countElements(xml, 'AD_PLACED')],
      ['oc3', countElements(xml, 'IN_TOUCH')],
      ['ad1', countElements(xml, 'DATE_INT')],
      ['uasc', countElements(xml, 'DUC')],
    ];
    expect(xmlStreams.map(([s]) => [s, by.get(`ssda903/fake_903.xml#${s}`)?.read])).toEqual(xmlStreams);
    expect(countElements(xml, 'EPISODE')).toBe(459);
    // The CIN census XML of each year's layout: every <Child> and <CINdetails> read.
    for (const file of ['fake_CIN_data.xml', 'CIN_Census_2021.xml', 'CIN_Census_2024.xml', 'CIN_Census_2026.xml']) {
      const text = readFileSync(fixture('cin-census', file), 'utf8');
      expect([file, by.get(`cin-census/${file}#children`)?.read, by.get(`cin-census/${file}#referrals`)?.read]).toEqual(
        [file, countElements(text, 'Child'), countElements(text, 'CINdetails')],
      );
    }
    expect(landed.summary.failed).toBe(0);
  });

  it('refuses no code valid in the year: what is refused is no DfE code of any year, or no real date', () => {
    // Every refusal, checked by hand against the validators' lists (csc-validator-be-903 rules 120, 133, SW13STG1):
    // ACCOM 01/02 and REASON_PLACED_CEASED XXX and SW_REASON SWLAZY are in no year's list; the CIN census's
    // 1066 is no date a child's record holds; an assessment authorised before it started cannot be timed; and
    // CIN_Census_2024/2026.xml say ReferenceDate 2024-03-31 (2023/24), when the census's sex codes were 0/1/2/9.
    const summary = landed.rejects.map((r) => [
      r.source_file,
      r.column_name,
      r.raw_value,
      r.reason.replace(/ \(expected.*$/, ''),
    ]);
    const counted = new Map<string, number>();
    for (const s of summary) counted.set(JSON.stringify(s), (counted.get(JSON.stringify(s)) ?? 0) + 1);
    expect([...counted].map(([k, n]) => [...JSON.parse(k), n])).toEqual([
      [
        'cin-census/CIN_Census_2021.xml#children',
        'ExpectedPersonBirthDate',
        '1066-04-13',
        "ExpectedPersonBirthDate '1066-04-13' is before 1900: no child's record holds a date that early (a typing slip?)",
        1,
      ],
      [
        'cin-census/CIN_Census_2024.xml#assessments',
        'AssessmentAuthorisationDate',
        '2020-09-19',
        'AssessmentAuthorisationDate 2020-09-19 is before the AssessmentActualStartDate 2028-04-28',
        1,
      ],
      [
        'cin-census/CIN_Census_2024.xml#children',
        'GenderCurrent',
        'M',
        "GenderCurrent 'M' is not a code of the 2023/24 return: M is valid from 2024/25",
        1,
      ],
      [
        'cin-census/CIN_Census_2026.xml#assessments',
        'AssessmentAuthorisationDate',
        '2020-09-19',
        'AssessmentAuthorisationDate 2020-09-19 is before the AssessmentActualStartDate 2028-04-28',
        1,
      ],
      [
        'cin-census/CIN_Census_2026.xml#children',
        'GenderCurrent',
        'M',
        "GenderCurrent 'M' is not a code of the 2023/24 return: M is valid from 2024/25",
        1,
      ],
      ['ssda903/fake_903.xml#oc3', 'ACCOM', '01', "ACCOM '01' is not a known code", 1],
      [
        'ssda903/fake_903.xml#placed_adoption',
        'REASON_PLACED_CEASED',
        'XXX',
        "REASON_PLACED_CEASED 'XXX' is not a known code",
        3,
      ],
      ['ssda903/oc3.csv', 'ACCOM', '01', "ACCOM '01' is not a known code", 1],
      ['ssda903/oc3.csv', 'ACCOM', '02', "ACCOM '02' is not a known code", 1],
      [
        'ssda903/placed_for_adoption.csv',
        'REASON_PLACED_CEASED',
        'XXX',
        "REASON_PLACED_CEASED 'XXX' is not a known code",
        29,
      ],
      ['ssda903/sw_episodes.csv', 'SW_REASON', 'SWLAZY', "SW_REASON 'SWLAZY' is not a known code", 1],
    ]);
  });

  it('lands every episode of each placement type the validator accepts in 2023/24 (T1-T4 included)', async () => {
    // csc-validator-be-903 lac2022_23/rule_146.py (unchanged for 2023/24): the PLACE codes of the year.
    const valid = [
      'A3',
      'A4',
      'A5',
      'A6',
      'H5',
      'K1',
      'K2',
      'P1',
      'P2',
      'P3',
      'R1',
      'R2',
      'R3',
      'R5',
      'S1',
      'T0',
      'T1',
      'T2',
      'T3',
      'T4',
      'U1',
      'U2',
      'U3',
      'U4',
      'U5',
      'U6',
      'Z1',
    ];
    const inFile = new Map<string, number>();
    for (const r of csvRows(fixture('ssda903', 'episodes.csv'))) inFile.set(r.PLACE!, (inFile.get(r.PLACE!) ?? 0) + 1);
    const inWarehouse = new Map(
      (await landed.query<{ code: string; n: number }>(PLACE_COUNTS)).map((r) => [r.code, r.n]),
    );
    for (const code of valid) expect([code, inWarehouse.get(code) ?? 0]).toEqual([code, inFile.get(code) ?? 0]);
    expect(['T1', 'T2', 'T3', 'T4'].reduce((s, c) => s + (inWarehouse.get(c) ?? 0), 0)).toBe(719);
  });
});

describe('codes are checked against the collection year the return is', () => {
  const swFile = (dir: string, start: string) =>
    writeCsv(path.join(dir, 'sw.csv'), [
      ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
      ['C1', '05/12/2010', 'SW1', start, '', 'FCONTA'],
    ]);
  const episodesFile = (dir: string, start: string, place: string) =>
    writeCsv(path.join(dir, 'episodes.csv'), [
      [
        'CHILD',
        'DECOM',
        'RNE',
        'LS',
        'CIN',
        'PLACE',
        'PLACE_PROVIDER',
        'DEC',
        'REC',
        'REASON_PLACE_CHANGE',
        'HOME_POST',
        'PL_POST',
        'URN',
      ],
      ['C1', start, 'S', 'C2', 'N1', place, 'PR4', '', '', '', '', '', ''],
    ]);

  it('a code valid only from 2023/24 (SW_REASON FCONTA) is refused in a 2022/23 return and accepted in a 2024/25 one; K3 from 2024/25, Z1 until 2024/25', async () => {
    const y2022 = path.join(tempDir('year-2022'), 'in');
    swFile(y2022, '01/06/2022');
    episodesFile(y2022, '01/05/2022', 'K3');
    const y2024 = path.join(tempDir('year-2024'), 'in');
    swFile(y2024, '01/06/2024');
    episodesFile(y2024, '01/05/2024', 'K3');
    const y2025 = path.join(tempDir('year-2025'), 'in');
    episodesFile(y2025, '01/05/2025', 'Z1');

    // The year is read from the files' own dates (no config).
    expect(
      (
        await ssda903Year(
          [
            { path: path.join(y2022, 'sw.csv'), name: 'sw.csv' },
            { path: path.join(y2022, 'episodes.csv'), name: 'episodes.csv' },
          ],
          contracts,
          undefined,
        )
      )?.year,
    ).toBe('2022/23');
    const old = await land(y2022);
    expect(old.summary.files.map((f) => [f.file, f.landed, f.rejected])).toEqual([
      ['episodes.csv', 0, 1],
      ['sw.csv', 0, 1],
    ]);
    expect(old.rejects.map((r) => r.reason.replace(/ \(expected.*$/, ''))).toEqual([
      "PLACE 'K3' is not a code of the 2022/23 return: K3 is valid from 2024/25",
      "SW_REASON 'FCONTA' is not a code of the 2022/23 return: FCONTA is valid from 2023/24",
    ]);
    const current = await land(y2024);
    expect(current.summary.files.map((f) => [f.file, f.landed, f.rejected])).toEqual([
      ['episodes.csv', 1, 0],
      ['sw.csv', 1, 0],
    ]);
    // The config can name the year instead: the same 2024 files checked as a 2022/23 return refuse both again.
    const named = await land(y2024, '2022/23');
    expect(named.summary.files.map((f) => [f.file, f.landed, f.rejected])).toEqual([
      ['episodes.csv', 0, 1],
      ['sw.csv', 0, 1],
    ]);
    const later = await land(y2025);
    expect(later.rejects.map((r) => r.reason.replace(/ \(expected.*$/, ''))).toEqual([
      "PLACE 'Z1' is not a code of the 2025/26 return: Z1 is valid until 2024/25",
    ]);
  });

  it('the CIN census of every year from 2019/20 lands by its ReferenceDate: GenderCurrent until 2023/24, Sex (M/F/U) from 2024/25', async () => {
    const older = readFileSync(fixture('cin-census', 'fake_CIN_data.xml'), 'utf8'); // GenderCurrent layout
    const newer = readFileSync(fixture('cin-census', 'CIN_Census_2026.xml'), 'utf8'); // Sex layout, pre-proceedings
    const input = path.join(tempDir('cin-years'), 'in');
    const withDate = (xml: string, d: string) =>
      xml.replace(/<ReferenceDate>[^<]*<\/ReferenceDate>/, `<ReferenceDate>${d}</ReferenceDate>`);
    const years = ['2020', '2021', '2022', '2023', '2024'];
    mkdirSync(input, { recursive: true });
    for (const y of years) writeFileSync(path.join(input, `cin-${y}.xml`), withDate(older, `${y}-03-31`));
    for (const y of ['2025', '2026', '2027'])
      writeFileSync(
        path.join(input, `cin-${y}.xml`),
        withDate(newer.replace(/<Sex>1<\/Sex>/g, '<Sex>F</Sex>'), `${y}-03-31`),
      );
    // A 2024/25 census still using a GenderCurrent code: refused, naming the element that year has.
    writeFileSync(
      path.join(input, 'cin-2025-old-code.xml'),
      withDate(newer.replace(/<Sex>1<\/Sex>/, '<Sex>9</Sex>'), '2025-03-31'),
    );
    const { summary, rejects } = await land(input);
    const children = (y: string) => summary.files.find((f) => f.file === `cin-${y}.xml#children`);
    for (const y of years)
      expect([y, children(y)?.read, children(y)?.landed]).toEqual([
        y,
        countElements(older, 'Child'),
        countElements(older, 'Child'),
      ]);
    // From 2024/25 the Sex element lands, M and F alike (the 2026 sample's second child is M, its first now F).
    for (const y of ['2025', '2026', '2027']) expect([y, children(y)?.read, children(y)?.landed]).toEqual([y, 2, 2]);
    expect(
      rejects
        .filter((r) => r.column_name === 'GenderCurrent' || r.column_name === 'Sex')
        .map((r) => [r.source_file, r.raw_value, r.reason.replace(/ \(expected.*$/, '')]),
    ).toEqual([
      ['cin-2025-old-code.xml#children', '9', "Sex '9' is not a code of the 2024/25 return: 9 is valid until 2023/24"],
    ]);
  });
});

describe('a file whose header fits no return table exactly', () => {
  it('is not recognised, naming the nearest table and the columns that differ (a DoLo file is never OC2)', async () => {
    const input = path.join(tempDir('not-recognised'), 'in');
    writeCsv(path.join(input, 'dolo.csv'), [
      ['CHILD', 'DOB', 'DOLO_START', 'DOLO_END'],
      ['C1', '05/12/2010', '01/01/2025', '02/01/2025'],
    ]);
    writeCsv(path.join(input, 'dolo-extra.csv'), [
      ['CHILD', 'DOB', 'DOLO_START', 'DOLO_END', 'COURT'],
      ['C1', '05/12/2010', '01/01/2025', '02/01/2025', 'X'],
    ]);
    writeCsv(path.join(input, 'oc2-short.csv'), [
      [
        'CHILD',
        'DOB',
        'SDQ_SCORE',
        'SDQ_REASON',
        'CONVICTED',
        'HEALTH_CHECK',
        'IMMUNISATIONS',
        'TEETH_CHECK',
        'HEALTH_ASSESSMENT',
        'SUBSTANCE_MISUSE',
        'INTERVENTION_RECEIVED',
      ],
      ['C1', '05/12/2010', '', 'SDQ1', '0', '1', '1', '1', '1', '0', '0'],
    ]);
    const { summary } = await land(input);
    expect(summary.files.map((f) => [f.file, f.source, f.status, f.landed, f.error ?? null])).toEqual([
      [
        'dolo-extra.csv',
        null,
        'failed',
        0,
        "dolo-extra.csv is not recognised: its header is nearest the SSDA903 DoLo (deprivation of liberty) file but has COURT besides. A return's file must have exactly the DfE's columns (see its SPEC.md): export it again from the return, or map the council's header.",
      ],
      ['dolo.csv', 'ssda903.dolo', 'loaded', 1, null],
      [
        'oc2-short.csv',
        null,
        'failed',
        0,
        "oc2-short.csv is not recognised: its header is nearest the SSDA903 OC2 (outcomes) file but lacks INTERVENTION_OFFERED. A return's file must have exactly the DfE's columns (see its SPEC.md): export it again from the return, or map the council's header.",
      ],
    ]);
  });
});
