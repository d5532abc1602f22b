// The validation schema of the working warehouse: what the DfE's rules found, night after night.
// validation.findings holds one row per finding ever seen, with the run that first saw it and the run it was fixed
// in (NULL while open); validation.runs says, per run and return, whether the rules ran and why not;
// validation.rule_counts keeps each night's count per rule for the trend. dbt's marts read these (sql/models/marts/returns).
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Warehouse } from '../../core/warehouse.js';
import type { ReturnType } from './returns.js';
import type { RawFinding, ValidatorResult } from './runner.js';

export const VALIDATION_DDL = [
  'CREATE SCHEMA IF NOT EXISTS validation',
  `CREATE TABLE IF NOT EXISTS validation.runs (
    run_id VARCHAR NOT NULL,
    return_type VARCHAR NOT NULL,      -- ssda903, cin_census
    return_set VARCHAR NOT NULL,       -- the 903 folder or the return's file, as under the input folder
    collection_year INTEGER,           -- 2024 = 2023/24
    status VARCHAR NOT NULL,           -- validated, not run
    reason VARCHAR,                    -- why not run
    ruleset VARCHAR,                   -- e.g. lac2023_24, cin2023_24
    rows_checked BIGINT,
    rules_failed VARCHAR[],            -- rules the package could not run on this data
    open_findings BIGINT,
    new_findings BIGINT,
    fixed_findings BIGINT,
    validated_at TIMESTAMP NOT NULL,
    duration_ms BIGINT
  )`,
  `CREATE TABLE IF NOT EXISTS validation.rules (
    ruleset VARCHAR NOT NULL,
    rule_code VARCHAR NOT NULL,
    message VARCHAR NOT NULL,          -- the DfE's wording, as the package has it
    fields VARCHAR[],
    PRIMARY KEY (ruleset, rule_code)
  )`,
  `CREATE TABLE IF NOT EXISTS validation.findings (
    finding_key VARCHAR PRIMARY KEY,   -- return, year, rule, child, table, fields and values, occurrence
    return_type VARCHAR NOT NULL,
    return_set VARCHAR NOT NULL,
    collection_year INTEGER NOT NULL,
    ruleset VARCHAR NOT NULL,
    rule_code VARCHAR NOT NULL,
    child_id VARCHAR,                  -- NULL for a rule on the return as a whole
    table_name VARCHAR,                -- the DfE table (Episodes, Assessments, ...)
    fields VARCHAR[],
    field_values VARCHAR[],
    source_file VARCHAR,               -- as in raw._loads.source_file (a CIN census: file.xml#stream)
    line_number BIGINT,
    row_index BIGINT,                  -- the row in the validator's table
    first_seen_run VARCHAR NOT NULL,
    last_seen_run VARCHAR NOT NULL,
    fixed_run VARCHAR                  -- the first run that no longer found it; NULL while open
  )`,
  `CREATE TABLE IF NOT EXISTS validation.rule_counts (
    run_id VARCHAR NOT NULL,
    return_type VARCHAR NOT NULL,
    collection_year INTEGER NOT NULL,
    rule_code VARCHAR NOT NULL,
    open_findings BIGINT NOT NULL,
    new_findings BIGINT NOT NULL,
    fixed_findings BIGINT NOT NULL
  )`,
];

export async function ensureValidationSchema(db: Warehouse): Promise<void> {
  for (const ddl of VALIDATION_DDL) await db.run(ddl);
}

/** Each CIN census table lands as one stream of the file; a 903 table is its own file. */
const CIN_STREAM: Record<string, string> = {
  ChildIdentifiers: 'children',
  ChildCharacteristics: 'children',
  Disabilities: 'children',
  CINdetails: 'referrals',
  Assessments: 'assessments',
  AssessmentFactorsList: 'assessments',
  Section47: 's47_enquiries',
  ChildProtectionPlans: 'cp_plans',
  Reviews: 'cp_reviews',
};

export function sourceFileOf(ret: ReturnType, f: RawFinding, inputDir: string): string | null {
  if (!f.file) return null;
  const name = path.relative(inputDir, f.file).split(path.sep).join('/');
  const stream = ret === 'cin_census' && f.table ? CIN_STREAM[f.table] : undefined;
  return stream ? `${name}#${stream}` : name;
}

/** A finding's identity from night to night: the same child breaking the same rule with the same values. */
export function findingKeys(ret: ReturnType, year: number, findings: RawFinding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = JSON.stringify([ret, year, f.rule, f.child, f.table, f.fields, f.values]);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return createHash('sha256').update(`${base}#${n}`).digest('hex').slice(0, 32);
  });
}

export interface StoredCounts {
  open: number;
  new: number;
  fixed: number;
  /** Open findings after the last run that validated this return and year (none: first time). */
  previousOpen?: number;
}

/** Record one validated return: new findings, ones seen again, and open ones no longer found (fixed). */
export async function storeFindings(
  db: Warehouse,
  o: { runId: string; set: string; inputDir: string; workDir: string; result: ValidatorResult; ms: number },
): Promise<StoredCounts> {
  const r = o.result;
  const year = r.collectionYear;
  const keys = findingKeys(r.return, year, r.findings);
  const file = path.join(o.workDir, `validation-${o.runId}-${r.return}.ndjson`);
  writeFileSync(
    file,
    r.findings
      .map((f, i) =>
        JSON.stringify({
          finding_key: keys[i],
          rule_code: f.rule,
          child_id: f.child,
          table_name: f.table,
          fields: f.fields,
          field_values: f.values,
          source_file: sourceFileOf(r.return, f, o.inputDir),
          line_number: f.line,
          row_index: f.row,
        }),
      )
      .join('\n') + '\n',
  );
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  try {
    return await db.transaction(async () => {
      for (const rule of r.rules)
        await db.run('INSERT OR REPLACE INTO validation.rules VALUES (?, ?, ?, ?::VARCHAR[])', [
          r.ruleset,
          rule.code,
          rule.message,
          JSON.stringify(rule.fields),
        ]);
      await db.run(`CREATE OR REPLACE TEMP TABLE this_run AS SELECT * FROM read_json(${lit(file)}, format = 'newline_delimited',
        columns = {finding_key: 'VARCHAR', rule_code: 'VARCHAR', child_id: 'VARCHAR', table_name: 'VARCHAR', fields: 'VARCHAR[]', field_values: 'VARCHAR[]', source_file: 'VARCHAR', line_number: 'BIGINT', row_index: 'BIGINT'})`);
      const scope = [r.return, year];
      const [prev] = await db.json<{ open: number }>(
        `SELECT open_findings::INTEGER AS open FROM validation.runs WHERE return_type = ? AND collection_year = ? AND status = 'validated' AND run_id <> ? ORDER BY validated_at DESC, run_id DESC LIMIT 1`,
        [...scope, o.runId],
      );
      // Fixed: open before, not found tonight.
      await db.run(
        `UPDATE validation.findings SET fixed_run = ? WHERE return_type = ? AND collection_year = ? AND fixed_run IS NULL AND finding_key NOT IN (SELECT finding_key FROM this_run)`,
        [o.runId, ...scope],
      );
      // Seen again (and reopened if it had been fixed): tonight's file, line and rules.
      await db.run(
        `UPDATE validation.findings f SET last_seen_run = ?, fixed_run = NULL, return_set = ?, ruleset = ?, source_file = t.source_file, line_number = t.line_number, row_index = t.row_index
         FROM this_run t WHERE f.finding_key = t.finding_key`,
        [o.runId, o.set, r.ruleset],
      );
      await db.run(
        `INSERT INTO validation.findings SELECT t.finding_key, ?, ?, ?, ?, t.rule_code, t.child_id, t.table_name, t.fields, t.field_values, t.source_file, t.line_number, t.row_index, ?, ?, NULL
         FROM this_run t WHERE t.finding_key NOT IN (SELECT finding_key FROM validation.findings)`,
        [r.return, o.set, year, r.ruleset, o.runId, o.runId],
      );
      await db.run(
        `INSERT INTO validation.rule_counts
         SELECT ?, ?, ?, rule_code, count(*) FILTER (WHERE fixed_run IS NULL), count(*) FILTER (WHERE first_seen_run = ? AND fixed_run IS NULL), count(*) FILTER (WHERE fixed_run = ?)
         FROM validation.findings WHERE return_type = ? AND collection_year = ? AND (fixed_run IS NULL OR fixed_run = ?) GROUP BY rule_code`,
        [o.runId, r.return, year, o.runId, o.runId, ...scope, o.runId],
      );
      const [c] = await db.json<{ open: number; new: number; fixed: number }>(
        `SELECT count(*) FILTER (WHERE fixed_run IS NULL)::INTEGER AS open, count(*) FILTER (WHERE first_seen_run = ? AND fixed_run IS NULL)::INTEGER AS new, count(*) FILTER (WHERE fixed_run = ?)::INTEGER AS fixed
         FROM validation.findings WHERE return_type = ? AND collection_year = ?`,
        [o.runId, o.runId, ...scope],
      );
      const counts: StoredCounts = {
        open: c?.open ?? 0,
        new: c?.new ?? 0,
        fixed: c?.fixed ?? 0,
        ...(prev ? { previousOpen: prev.open } : {}),
      };
      const rows = Object.values(r.rows).reduce((a, b) => a + b, 0);
      await db.run(
        `INSERT INTO validation.runs VALUES (?, ?, ?, ?, 'validated', NULL, ?, ?, ?::VARCHAR[], ?, ?, ?, now()::TIMESTAMP, ?)`,
        [
          o.runId,
          r.return,
          o.set,
          year,
          r.ruleset,
          rows,
          JSON.stringify(r.rulesFailed),
          counts.open,
          counts.new,
          counts.fixed,
          o.ms,
        ],
      );
      await db.run('DROP TABLE this_run');
      return counts;
    });
  } finally {
    rmSync(file, { force: true });
  }
}

export async function recordNotRun(
  db: Warehouse,
  o: { runId: string; return: ReturnType; set: string; collectionYear: number | null; reason: string; ms: number },
): Promise<void> {
  await db.run(
    `INSERT INTO validation.runs VALUES (?, ?, ?, ?, 'not run', ?, NULL, NULL, NULL, NULL, NULL, NULL, now()::TIMESTAMP, ?)`,
    [o.runId, o.return, o.set, o.collectionYear, o.reason, o.ms],
  );
}
