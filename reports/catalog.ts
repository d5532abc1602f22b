// Builds the reports asked for (each from its entry in reports/registry.ts), and the manifest that lists what was written.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import type { Warehouse } from '../core/warehouse.js';
import { NoDataError, type ManifestEntry, type Variant } from './lib/appendix.js';
import { reportFor, type ReportId } from './registry.js';

export interface ReportRequest {
  report: ReportId;
  variant: Variant;
  periodEnd?: string;
  weeks?: number;
  compareFrom?: string;
  /** The meeting this appendix is for (`--meeting-date`). */
  meetingDate?: string | undefined;
  /**
   * For `csp run`: when the warehouse does not yet hold what a report needs (no contacts, no KPI values, no
   * complete financial year of complaints), leave that report out with a warning rather than fail the whole run.
   */
  skipWithoutData?: boolean;
}

export async function buildReports(
  db: Warehouse,
  opts: { config: Config; dataRoot: string; outDir: string; runId: string; log: Logger; requests: ReportRequest[] },
): Promise<ManifestEntry[]> {
  mkdirSync(opts.outDir, { recursive: true });
  const entries: ManifestEntry[] = [];
  for (const req of opts.requests) {
    const started = Date.now();
    let made: ManifestEntry[];
    try {
      made = await reportFor(req.report).build(db, {
        config: opts.config,
        outDir: opts.outDir,
        runId: opts.runId,
        dataRoot: opts.dataRoot,
        variant: req.variant,
        periodEnd: req.periodEnd,
        weeks: req.weeks,
        compareFrom: req.compareFrom,
        ...(req.meetingDate ? { meetingDate: req.meetingDate } : {}),
      });
    } catch (e) {
      // e.g. statutory returns only (no complaints), or exports too short for a whole year: the others are still made.
      if (!(req.skipWithoutData && e instanceof NoDataError)) throw e;
      opts.log.warn(
        { report: req.report, variant: req.variant, reason: e.message },
        `report: ${req.report} (${req.variant}) not made: ${e.message}`,
      );
      continue;
    }
    entries.push(...made);
    opts.log.info(
      { report: req.report, variant: req.variant, files: made.map((m) => m.file), ms: Date.now() - started },
      `report: ${made.map((m) => m.file).join(' and ')} written (${Date.now() - started} ms)`,
    );
  }
  return entries;
}

export const MANIFEST = 'manifest.json';

export function writeManifest(dir: string, entries: ManifestEntry[], runId: string): void {
  writeFileSync(
    path.join(dir, MANIFEST),
    JSON.stringify({ runId, generatedAt: new Date().toISOString(), files: entries }, null, 2) + '\n',
  );
}

/** Add entries to a folder's manifest, replacing entries for the same file names (on-demand reports). */
export function mergeManifest(dir: string, entries: ManifestEntry[], runId: string): void {
  const file = path.join(dir, MANIFEST);
  const previous = existsSync(file)
    ? ((JSON.parse(readFileSync(file, 'utf8')) as { files?: ManifestEntry[] }).files ?? [])
    : [];
  const names = new Set(entries.map((e) => e.file));
  writeManifest(dir, [...previous.filter((e) => !names.has(e.file)), ...entries], runId);
}
