// The DfE's validation rules, run for real (Data to Insight's csc-validator-be-903 and -cin in .venv-validators)
// on the validators' own fake data (test/fixtures/dfe-validators, MIT; see its README): our runner must report exactly what the
// packages report when driven through their own API, at the right file lines; and the warehouse's history of
// findings (new, seen again, fixed) must follow from night to night.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../core/paths.js';
import {
  runValidator,
  validatorsPython,
  validatorScript,
  ValidatorNotRun,
  type RawFinding,
  type ValidatorResult,
} from '../pipelines/validate/runner.js';
import { ensureValidationSchema, recordNotRun, storeFindings } from '../pipelines/validate/store.js';
import { withWarehouse } from '../core/warehouse.js';
import { tempDir } from './helpers/tmp.js';

const fixtures = path.join(projectRoot, 'test', 'fixtures', 'dfe-validators');
const cin2024 = path.join(fixtures, 'cin-census', 'CIN_Census_2024.xml');
const cin2026 = path.join(fixtures, 'cin-census', 'CIN_Census_2026.xml');
// The small tables of the 903 sample (the big ones are cut in the fixtures, and this checks the runner, not volume).
const set903 = ['ad1', 'placed_for_adoption', 'missing', 'oc3', 'uasc', 'sw_episodes'].map((f) =>
  path.join(fixtures, 'ssda903', `${f}.csv`),
);

/** Python in the validators' venv, the packages' own API only (nothing of ours), printing JSON. */
const python = (code: string, args: string[] = []): unknown =>
  JSON.parse(
    execFileSync(validatorsPython(), ['-c', code, ...args], {
      encoding: 'utf8',
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 << 20,
    })
      .trim()
      .split('\n')
      .pop()!,
  );

const key = (f: { rule: string; child: string | null; table: string | null; row: number | null }) =>
  `${f.rule}|${f.child}|${f.table}|${f.row}`;
const keys = (fs: RawFinding[]) => [...new Set(fs.map(key))].sort();

describe("CIN census on the validator's own fake data", () => {
  it("flattens the XML to exactly the tables the validator's XMLtoCSV makes (values, None, NA and NaN alike)", () => {
    const out = python(
      `import sys, json, warnings; warnings.filterwarnings("ignore"); sys.path.insert(0, "pipelines/validate")
import xml.etree.ElementTree as ET, pandas as pd
from cin_validator.ingress import XMLtoCSV
from returns_validators import tables_like_xmltocsv, parse_with_lines, TABLES
show = lambda df: df.applymap(lambda v: "<NA>" if v is pd.NA else "None" if v is None else repr(v)).reset_index(drop=True)
res = {}
for p in sys.argv[1:]:
    theirs, ours = XMLtoCSV(ET.parse(p).getroot()), tables_like_xmltocsv(parse_with_lines(p)[0])[0]
    res[p] = {t: [len(ours[t]), show(ours[t]).equals(show(getattr(theirs, t))) and list(ours[t].columns) == list(getattr(theirs, t).columns)] for t in TABLES}
print(json.dumps(res))`,
      [cin2024, cin2026],
    ) as Record<string, Record<string, [number, boolean]>>;
    for (const file of [cin2024, cin2026]) {
      for (const [table, [, same]] of Object.entries(out[file]!))
        expect(same, `${path.basename(file)} ${table}`).toBe(true);
      expect(out[file]!.Assessments![0]).toBe(2);
      expect(out[file]!.Disabilities![0]).toBe(3);
    }
  });

  it('reports what the package itself reports, each at the line of its XML element', async () => {
    const ours = await runValidator({ return: 'cin_census', file: cin2024 }, { timeoutMs: 300_000 });
    const theirs = python(
      `import sys, json, warnings, contextlib, io; warnings.filterwarnings("ignore")
import xml.etree.ElementTree as ET
from cin_validator import cin_validator
from cin_validator.rules.ruleset_utils import get_year_ruleset
with contextlib.redirect_stdout(io.StringIO()):
    data = cin_validator.process_data(cin_validator.convert_data(ET.parse(sys.argv[1]).getroot()))
    v = cin_validator.CinValidator(data, get_year_ruleset("2024"))
rows = [{"rule": str(r.rule_code), "child": r.child_id, "table": r.tables_affected, "row": int(r.row_id)} for r in v.full_issue_df.itertuples()]
rows += [{"rule": str(c), "child": None, "table": None, "row": None} for c in v.multichild_issues["rule_code"]]
print(json.dumps(rows))`,
      [cin2024],
    ) as RawFinding[];
    expect(ours.ruleset).toBe('cin2023_24'); // ReferenceDate 2024-03-31: the 2023/24 census
    expect(ours.collectionYear).toBe(2024);
    expect(keys(ours.findings)).toEqual(keys(theirs));
    expect(ours.findings.length).toBeGreaterThan(10);
    // The first child's assessment was authorised (2020-09-19) before it started (2028-04-28): rule 8608.
    const lines = readFileSync(cin2024, 'utf8').split('\n');
    const assessmentLine = lines.findIndex((l) => l.includes('<Assessments>')) + 1;
    const f8608 = ours.findings.filter((f) => f.rule === '8608');
    expect(f8608.map((f) => [f.child, f.table, f.line, f.fields, f.values])).toEqual([
      [
        'DfEX0000001',
        'Assessments',
        assessmentLine,
        ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
        ['2028-04-28', '2020-09-19'],
      ],
    ]);
    expect(ours.rules.find((r) => r.code === '8608')?.message).toBe(
      'Assessment Start Date cannot be later than its End Date',
    );
  });
});

describe("SSDA903 on the validator's own fake data", () => {
  it("reports what the package itself reports, at each CSV row's line with the row's own values", async () => {
    const ours = await runValidator({ return: 'ssda903', collectionYear: 2023, files: set903 }, { timeoutMs: 300_000 });
    const theirs = python(
      `import sys, json, warnings, logging; warnings.filterwarnings("ignore"); logging.disable(50)
from lac_validator import lac_validator
from lac_validator.report import Report
from lac_validator.rules.ruleset_utils import get_year_ruleset
from lac_validator.utils import process_uploaded_files
reg = get_year_ruleset("2023")
v = lac_validator.LacValidator(metadata={"collectionYear": "2023", "localAuthority": ""}, files=process_uploaded_files({"This year": sys.argv[1:]}), registry=reg)
df = lac_validator.create_issue_df(Report(v.ds_results, reg).report, Report(v.ds_results, reg).error_report)
print(json.dumps([{"rule": str(r.rule_code), "child": r.child_id, "table": r.tables_affected, "row": int(r.row_id)} for r in df.itertuples()]))`,
      set903,
    ) as RawFinding[];
    expect(ours.ruleset).toBe('lac2022_23');
    expect(keys(ours.findings)).toEqual(keys(theirs));
    expect(ours.findings.length).toBeGreaterThan(5);
    const byTable: Record<string, string> = {
      AD1: 'ad1',
      PlacedAdoption: 'placed_for_adoption',
      Missing: 'missing',
      OC3: 'oc3',
      UASC: 'uasc',
      SWEpisodes: 'sw_episodes',
    };
    for (const f of ours.findings) {
      const file = path.join(fixtures, 'ssda903', `${byTable[f.table!]}.csv`);
      expect(f.file).toBe(file);
      const rows = parse(readFileSync(file), { bom: true, columns: true }) as Record<string, string>[];
      expect(f.line).toBe(f.row! + 2); // a header line, then one line per row
      expect(f.child).toBe(rows[f.row!]!.CHILD);
      // A field the package derives (e.g. PL_LA from a postcode) is not in the file.
      f.fields.forEach(
        (field, i) =>
          field in rows[f.row!]! &&
          expect(f.values[i] ?? '', `${f.rule} ${field}`).toBe(rows[f.row!]![field]!.toUpperCase()),
      );
    }
  });
});

describe('when the validators cannot run', () => {
  it('says the packages are not installed, or that the validator failed and why, instead of throwing anything else', async () => {
    const old = process.env.CSP_VALIDATORS_PYTHON;
    try {
      process.env.CSP_VALIDATORS_PYTHON = path.join(tempDir('novenv'), 'python');
      await expect(runValidator({ return: 'cin_census', file: cin2024 }, { timeoutMs: 60_000 })).rejects.toThrow(
        /not installed .*run npm install/,
      );
      // A Python without the packages: the machine's own.
      process.env.CSP_VALIDATORS_PYTHON = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
        encoding: 'utf8',
      }).trim();
      const err = await runValidator({ return: 'cin_census', file: cin2024 }, { timeoutMs: 60_000 }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ValidatorNotRun);
      expect((err as Error).message).toMatch(
        /the validator failed \(ModuleNotFoundError: No module named '(pandas|cin_validator)'\)/,
      );
    } finally {
      if (old === undefined) delete process.env.CSP_VALIDATORS_PYTHON;
      else process.env.CSP_VALIDATORS_PYTHON = old;
    }
    expect(validatorScript.endsWith('returns_validators.py')).toBe(true);
  });
});

describe('the history of findings', () => {
  const finding = (rule: string, child: string, value: string, line: number): RawFinding => ({
    rule,
    child,
    table: 'Episodes',
    row: line - 2,
    file: '/in/903/episodes.csv',
    line,
    fields: ['DEC', 'REC'],
    values: [null, value],
  });
  const result = (findings: RawFinding[]): ValidatorResult => ({
    return: 'ssda903',
    collectionYear: 2024,
    rulesYear: 2024,
    ruleset: 'lac2023_24',
    rules: [
      { code: '148', message: 'DEC and REC', fields: ['DEC', 'REC'] },
      { code: '103', message: 'x', fields: ['DEC'] },
    ],
    rulesFailed: [],
    rows: { Episodes: 10 },
    findings,
  });

  it('keeps each finding once with the run that first saw it, and marks fixed what a later run no longer finds', async () => {
    const dir = tempDir('findings');
    const file = path.join(dir, 'w.duckdb');
    const a = finding('148', 'C1', 'E11', 5);
    const b = finding('148', 'C2', 'E3', 9);
    const c = finding('103', 'C3', 'X1', 12);
    await withWarehouse(file, {}, async (db) => {
      await ensureValidationSchema(db);
      const store = (runId: string, fs: RawFinding[]) =>
        storeFindings(db, { runId, set: '903', inputDir: '/in', workDir: dir, result: result(fs), ms: 5 });
      expect(await store('r1', [a, b])).toEqual({ open: 2, new: 2, fixed: 0 });
      // Tonight B is on another line (a row was added above it): the same finding, not a new one.
      expect(await store('r2', [{ ...b, line: 10, row: 8 }, c])).toEqual({
        open: 2,
        new: 1,
        fixed: 1,
        previousOpen: 2,
      });
      await recordNotRun(db, {
        runId: 'r3',
        return: 'ssda903',
        set: '903',
        collectionYear: 2024,
        reason: 'the validator failed (x)',
        ms: 1,
      });
      const rows = await db.json<Record<string, unknown>>(
        `SELECT rule_code, child_id, first_seen_run, last_seen_run, fixed_run, line_number::INTEGER AS line_number, source_file FROM validation.findings ORDER BY child_id`,
      );
      expect(rows).toEqual([
        {
          rule_code: '148',
          child_id: 'C1',
          first_seen_run: 'r1',
          last_seen_run: 'r1',
          fixed_run: 'r2',
          line_number: 5,
          source_file: '903/episodes.csv',
        },
        {
          rule_code: '148',
          child_id: 'C2',
          first_seen_run: 'r1',
          last_seen_run: 'r2',
          fixed_run: null,
          line_number: 10,
          source_file: '903/episodes.csv',
        },
        {
          rule_code: '103',
          child_id: 'C3',
          first_seen_run: 'r2',
          last_seen_run: 'r2',
          fixed_run: null,
          line_number: 12,
          source_file: '903/episodes.csv',
        },
      ]);
      // The same child breaking it again after a fix reopens the finding.
      expect(await store('r4', [a, b, c])).toEqual({ open: 3, new: 0, fixed: 0, previousOpen: 2 });
      const counts = await db.json<Record<string, unknown>>(
        `SELECT run_id, rule_code, open_findings::INTEGER AS open, new_findings::INTEGER AS new, fixed_findings::INTEGER AS fixed FROM validation.rule_counts ORDER BY run_id, rule_code`,
      );
      expect(counts).toEqual([
        { run_id: 'r1', rule_code: '148', open: 2, new: 2, fixed: 0 },
        { run_id: 'r2', rule_code: '103', open: 1, new: 1, fixed: 0 },
        { run_id: 'r2', rule_code: '148', open: 1, new: 0, fixed: 1 },
        { run_id: 'r4', rule_code: '103', open: 1, new: 0, fixed: 0 },
        { run_id: 'r4', rule_code: '148', open: 2, new: 0, fixed: 0 },
      ]);
      const runs = await db.json<Record<string, unknown>>(
        `SELECT run_id, status, reason, open_findings::INTEGER AS open FROM validation.runs ORDER BY run_id`,
      );
      expect(runs.map((r) => [r.run_id, r.status, r.open])).toEqual([
        ['r1', 'validated', 2],
        ['r2', 'validated', 2],
        ['r3', 'not run', null],
        ['r4', 'validated', 3],
      ]);
    });
  });
});
