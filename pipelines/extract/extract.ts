// The extract stage: find every export under the input folder and land each one.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { contracts as allContracts } from '../../sources/catalog.js';
import type { Contract } from '../../sources/lib/contract.js';
import { mappedContracts } from '../../sources/lib/mapping.js';
import type { Logger } from '../../core/logger.js';
import type { Warehouse } from '../../core/warehouse.js';
import { landFile, type FileLoadResult, type LandingPath } from './land-file.js';
import { ensureFileAsAtTable, recordFileAsAt } from './file-as-at.js';
import { ensureRawSchema } from './ledger-tables.js';
import { migrateRawTables, pendingRelands, type PendingReland, type SchemaChange } from './raw-migrations.js';
import type { CompletenessRules, HeldExport } from './completeness.js';
import { ssda903Year } from './return-year.js';
import { describeShortfall, findWorkbookShortfalls, type WorkbookShortfall } from './workbook-shortfall.js';

const EXPORT_FILE = /\.(csv|xlsx|xml)$/i;

export function listExportFiles(inputDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue; // hidden files, Excel lock files
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (EXPORT_FILE.test(entry.name)) out.push(full);
    }
  };
  walk(inputDir);
  return out.sort();
}

function logResult(log: Logger, result: FileLoadResult): void {
  const fields = {
    file: result.file,
    source: result.source,
    status: result.status,
    read: result.read,
    landed: result.landed,
    rejected: result.rejected,
    ms: result.durationMs,
  };
  if (result.status === 'failed') log.error(fields, `extract: ${result.error}`);
  else if (result.status === 'held')
    log.warn({ ...fields, reason: result.held?.reason }, `extract: HELD ${result.error}`);
  else if (result.duplicateOf) log.warn({ ...fields, duplicateOf: result.duplicateOf }, `extract: ${result.error}`);
  else if (result.status === 'passed_over') log.info(fields, `extract: ${result.file} passed over: ${result.error}`);
  else if (result.status === 'skipped' && result.error) log.warn(fields, `extract: ${result.error}`);
  else if (result.status === 'skipped')
    log.info(fields, `extract: ${result.file} unchanged since its last load (same checksum), skipped`);
  else {
    if (result.landingFallback)
      log.info(
        { ...fields, why: result.landingFallback },
        `extract: ${result.file} was checked row by row in JS, not in DuckDB: ${result.landingFallback}`,
      );
    if (result.schemaChange)
      log.info(
        { ...fields, schemaChange: result.schemaChange },
        `extract: ${result.file} landed again because its ${result.schemaChange}`,
      );
    log.info(
      fields,
      `extract: ${result.file} landed ${result.landed.toLocaleString('en-GB')} of ${result.read.toLocaleString('en-GB')} rows as ${result.source}, ${result.rejected.toLocaleString('en-GB')} rejected`,
    );
  }
}

export interface ExtractSummary {
  /** Every file, workbook sheet or XML stream loaded, skipped or failed. */
  files: FileLoadResult[];
  /** Workbook sheets that hold no known export (cover, notes, charts), each with the reason. */
  passedOver: { file: string; reason: string }[];
  /** Workbooks landing fewer lists than their source's previous workbook (workbook-shortfall.ts). */
  shortfalls: WorkbookShortfall[];
  read: number;
  landed: number;
  rejected: number;
  failed: number;
  /** Exports held back by the completeness guard: their sources keep their previous data. */
  held: HeldExport[];
  /** Changes a contract made to its raw table this run (raw-migrations.ts). */
  schemaChanges: SchemaChange[];
  /** Files landed under an earlier contract that could not be landed again (gone from the input folder): their rows stay as migrated. */
  notRelanded: PendingReland[];
}

export async function extract(
  db: Warehouse,
  opts: {
    inputDir: string;
    runId: string;
    log: Logger;
    contracts?: readonly Contract[];
    /** Mapping files (absolute paths) by source key, applied to the contracts before any file is read. */
    mappings?: Readonly<Record<string, string>>;
    /** `js` forces the row-by-row JS checks (the reference the fast SQL path is tested against). */
    landing?: LandingPath;
    /** The completeness guard's limits (config completeness); the defaults otherwise. */
    completeness?: CompletenessRules;
    /** The SSDA903's collection year when the council names it (config returns.ssda903.collectionYear). */
    ssda903Year?: string;
  },
): Promise<ExtractSummary> {
  const contracts = mappedContracts(opts.contracts ?? allContracts, opts.mappings ?? {});
  if (!statSync(opts.inputDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(
      `input folder ${opts.inputDir} does not exist: put the council's exports there, or pass --input DIR.`,
    );
  }
  await ensureRawSchema(db);
  const schemaChanges = await migrateRawTables(db, contracts, opts.runId);
  for (const c of schemaChanges)
    opts.log.warn(
      { source: c.source, table: c.table, change: c.kind, column: c.column, from: c.from, to: c.to },
      `extract: raw.${c.table} migrated to its contract: ${c.description}${c.relands ? '; its files are landed again' : ''}`,
    );
  await ensureFileAsAtTable(db);
  const files = listExportFiles(opts.inputDir);
  if (files.length === 0)
    throw new Error(
      `no export files (*.csv, *.xlsx, *.xml) in ${opts.inputDir}: put the council's exports there, or pass --input DIR.`,
    );
  const named = files.map((file) => ({
    path: file,
    name: path.relative(opts.inputDir, file).split(path.sep).join('/'),
  }));
  // The 903 files do not say which collection year they are: read it from the set's dates (or the config) once.
  const year903 = await ssda903Year(named, contracts, opts.ssda903Year);
  if (year903)
    opts.log.info(
      { system: 'ssda903', collectionYear: year903.year, basis: year903.basis },
      `extract: SSDA903 files checked against the ${year903.year} code lists (${year903.basis})`,
    );
  const returnYears: Record<string, string> = year903 ? { ssda903: year903.year } : {};
  const results: FileLoadResult[] = [];
  const passedOver: ExtractSummary['passedOver'] = [];
  for (const [i, { path: file, name }] of named.entries()) {
    const landed = await landFile(db, {
      path: file,
      name,
      loadId: `${opts.runId}-${String(i + 1).padStart(3, '0')}`,
      runId: opts.runId,
      contracts,
      returnYears,
      completeness: opts.completeness,
      landing: opts.landing ?? (process.env.CSP_LANDING === 'js' ? 'js' : 'auto'),
    });
    await recordFileAsAt(db, { path: file, name, results: landed, contracts });
    for (const result of landed) {
      if (result.status === 'passed_over') passedOver.push({ file: result.file, reason: result.error ?? '' });
      else results.push(result);
      logResult(opts.log, result);
    }
  }
  const notRelanded = await pendingRelands(db, schemaChanges);
  for (const p of notRelanded) opts.log.warn({ file: p.file, source: p.source, rows: p.rows }, `extract: ${p.message}`);
  const shortfalls = await findWorkbookShortfalls(db);
  for (const s of shortfalls) opts.log.warn({ ...s }, `extract: ${describeShortfall(s)}`);

  const sum = (k: 'read' | 'landed' | 'rejected') => results.reduce((s, r) => s + r[k], 0);
  return {
    files: results,
    passedOver,
    shortfalls,
    schemaChanges,
    notRelanded,
    read: sum('read'),
    landed: sum('landed'),
    rejected: sum('rejected'),
    failed: results.filter((r) => r.status === 'failed').length,
    held: results.flatMap((r) => (r.held ? [r.held] : [])),
  };
}
