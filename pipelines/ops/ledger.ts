// The run ledger in the warehouse's `ops` schema: one row per run (ops.runs) and per stage (ops.run_stages).
// It lives in the working database, so each published warehouse carries the history up to and including the
// run that built it; analysts can query it like any other table. The same facts are in runs/<run>.json and
// status.json for people and monitoring that should not open a database.
import type { DuckDBValue } from '@duckdb/node-api';
import type { RunRecord, Stage } from '../run.js';
import type { Warehouse } from '../../core/warehouse.js';
import { withWarehouse } from '../../core/warehouse.js';

export const OPS_DDL = [
  'CREATE SCHEMA IF NOT EXISTS ops',
  `CREATE TABLE IF NOT EXISTS ops.runs (
    run_id VARCHAR PRIMARY KEY,
    status VARCHAR NOT NULL,          -- running, succeeded, failed
    trigger VARCHAR,                  -- manual or schedule
    hostname VARCHAR,
    pid INTEGER,
    input_dir VARCHAR,
    started_at TIMESTAMP NOT NULL,    -- UTC
    finished_at TIMESTAMP,
    failed_stage VARCHAR,
    error VARCHAR,
    published BOOLEAN NOT NULL,       -- did this run replace the analysts' warehouse and appendices
    published_at TIMESTAMP
  )`,
  `CREATE TABLE IF NOT EXISTS ops.run_stages (
    run_id VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,           -- extract, transform, report, publish
    status VARCHAR NOT NULL,
    attempts INTEGER,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    duration_ms BIGINT,
    files INTEGER,
    rows_read BIGINT,
    rows_landed BIGINT,
    rows_rejected BIGINT,
    tests_passed INTEGER,
    tests_failed INTEGER,
    tests_warned INTEGER,
    models INTEGER,
    error VARCHAR,
    PRIMARY KEY (run_id, stage)
  )`,
  // Workbooks that landed fewer lists than their source's previous workbook (extract/workbook-shortfall.ts).
  `CREATE TABLE IF NOT EXISTS ops.workbook_shortfalls (
    run_id VARCHAR NOT NULL,
    system VARCHAR NOT NULL,
    workbook VARCHAR NOT NULL,
    lists INTEGER NOT NULL,
    previous_workbook VARCHAR NOT NULL,
    previous_lists INTEGER NOT NULL,
    missing VARCHAR[] NOT NULL,
    PRIMARY KEY (run_id, system)
  )`,
];

const STAGE_ORDER: Stage[] = ['extract', 'transform', 'report', 'publish'];
const n = (v: number | undefined): DuckDBValue => (v === undefined ? null : v);
const s = (v: string | undefined | null): DuckDBValue => (v === undefined ? null : v);

export async function ensureOpsSchema(db: Warehouse): Promise<void> {
  for (const ddl of OPS_DDL) await db.run(ddl);
}

export async function writeRun(db: Warehouse, r: RunRecord): Promise<void> {
  await db.run(
    `INSERT OR REPLACE INTO ops.runs VALUES (?, ?, ?, ?, ?, ?, ?::TIMESTAMP, ?::TIMESTAMP, ?, ?, ?, ?::TIMESTAMP)`,
    [
      r.runId,
      r.status,
      s(r.trigger),
      s(r.hostname),
      n(r.pid),
      r.inputDir,
      r.startedAt,
      s(r.finishedAt),
      s(r.failedStage),
      s(r.error),
      r.published === true,
      s(r.publishedAt),
    ],
  );
  for (const stage of STAGE_ORDER) {
    const st = r.stages[stage];
    if (!st) continue;
    await db.run(
      `INSERT OR REPLACE INTO ops.run_stages VALUES (?, ?, ?, ?, ?::TIMESTAMP, ?::TIMESTAMP, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        r.runId,
        stage,
        st.status,
        st.attempts,
        st.startedAt,
        s(st.finishedAt),
        n(st.ms),
        n(st.files),
        n(st.read),
        n(st.landed),
        n(st.rejected),
        n(st.testsPassed),
        n(st.testsFailed),
        n(st.warned),
        n(st.models),
        s(st.error),
      ],
    );
  }
  await writeShortfalls(db, r);
}

async function writeShortfalls(db: Warehouse, r: RunRecord): Promise<void> {
  for (const w of r.workbookShortfalls ?? []) {
    await db.run(`INSERT OR REPLACE INTO ops.workbook_shortfalls VALUES (?, ?, ?, ?, ?, ?, ?::VARCHAR[])`, [
      r.runId,
      w.system,
      w.workbook,
      w.lists.length,
      w.previousWorkbook,
      w.previousLists.length,
      JSON.stringify(w.missing),
    ]);
  }
}

/**
 * Rows a killed run left saying "running", or saying "published" for a run that never got to switch the
 * published folder, are corrected: only the run `current` points at (and those before it) published.
 */
export async function sweepUnfinished(db: Warehouse, thisRunId: string, publishedRunId: string | null): Promise<void> {
  const reason = 'did not finish: the process was killed or crashed';
  await db.run(
    `UPDATE ops.run_stages SET status = 'failed', error = coalesce(error, ?) WHERE status = 'running' AND run_id <> ?`,
    [reason, thisRunId],
  );
  await db.run(
    `UPDATE ops.runs SET status = 'failed', error = coalesce(error, ?), published = false, published_at = NULL
     WHERE run_id <> ? AND (status = 'running' OR (published AND ?::VARCHAR IS NOT NULL AND run_id > ?) OR (published AND ?::VARCHAR IS NULL))`,
    [reason, thisRunId, publishedRunId, publishedRunId, publishedRunId],
  );
}

/** Opens the working database for one ledger write and closes it again (dbt needs it to itself in between). */
export async function syncLedger(
  file: string,
  records: RunRecord[],
  opts: {
    sweep?: { thisRunId: string; publishedRunId: string | null };
    checkpoint?: boolean;
    also?: (db: Warehouse) => Promise<void>;
  } = {},
): Promise<void> {
  await withWarehouse(file, {}, async (db) => {
    await ensureOpsSchema(db);
    if (opts.sweep) await sweepUnfinished(db, opts.sweep.thisRunId, opts.sweep.publishedRunId);
    for (const r of records) await writeRun(db, r);
    if (opts.also) await opts.also(db);
    if (opts.checkpoint) await db.run('CHECKPOINT');
  });
}
