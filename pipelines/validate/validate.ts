// The nightly validation step: the DfE's rules on every SSDA903 set and CIN census landed, after extract and before
// dbt, so tonight's findings are in tonight's warehouse. It never holds the warehouse hostage: whatever goes wrong
// (no validators installed, a crash, a time-out) is caught, logged and recorded as "validation not run: ...", and
// the run goes on to publish as before.
import type { Config } from '../../core/config.js';
import type { Logger } from '../../core/logger.js';
import { withWarehouse } from '../../core/warehouse.js';
import { findReturnSets, type ReturnSet, type ReturnType } from './returns.js';
import { runValidator, type ValidatorJob, type ValidatorResult } from './runner.js';
import { ensureValidationSchema, recordNotRun, storeFindings } from './store.js';

export interface ReturnValidation {
  return: ReturnType;
  set: string;
  collectionYear: number | null;
  status: 'validated' | 'not run';
  reason?: string;
  ruleset?: string;
  open?: number;
  new?: number;
  fixed?: number;
  /** Open findings after the previous validation of this return and year. */
  previousOpen?: number;
  ms: number;
}

export interface ValidationSummary {
  /** `not run`: nothing was validated (see reason); `partly`: some returns were not. */
  status: 'validated' | 'partly' | 'not run' | 'no returns';
  reason?: string;
  returns: ReturnValidation[];
  ms: number;
}

const RETURN_NAMES: Record<ReturnType, string> = { ssda903: 'SSDA903', cin_census: 'CIN census' };
export const returnName = (r: ReturnValidation): string =>
  `${RETURN_NAMES[r.return]}${r.collectionYear ? ` ${r.collectionYear - 1}/${String(r.collectionYear).slice(2)}` : ''} (${r.set})`;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function jobFor(s: ReturnSet, all: ReturnSet[], config: Config): ValidatorJob | string {
  if (s.files.length === 0) return `its file(s) are no longer in the input folder (${s.missing.join(', ')})`;
  if (s.return === 'cin_census') return { return: 'cin_census', file: s.files[0] };
  if (s.collectionYear === null) return 'it has no episodes, so its collection year is not known';
  // The rules comparing with last year's return (e.g. episodes carried over) use the set a year older, when landed.
  const previous = all.find(
    (p) => p.return === 'ssda903' && p.collectionYear === s.collectionYear! - 1 && p.files.length > 0,
  );
  return {
    return: 'ssda903',
    collectionYear: s.collectionYear,
    localAuthority: config.validation.localAuthority ?? null,
    files: s.files,
    previousFiles: previous?.files ?? [],
  };
}

export async function validateReturns(opts: {
  config: Config;
  workWarehouse: string;
  workDir: string;
  inputDir: string;
  runId: string;
  log: Logger;
  children?: { add(pid: number, command: string): void; remove(pid: number): void };
}): Promise<ValidationSummary> {
  const { log, runId } = opts;
  const started = Date.now();
  const notRun = (reason: string): ValidationSummary => {
    log.warn({ stage: 'validate', reason }, `validation not run: ${reason}. The run goes on and publishes as usual.`);
    return { status: 'not run', reason, returns: [], ms: Date.now() - started };
  };
  if (!opts.config.validation.enabled) return notRun('switched off (validation.enabled is false)');
  let sets: ReturnSet[];
  try {
    sets = await withWarehouse(opts.workWarehouse, {}, async (db) => {
      await ensureValidationSchema(db);
      return findReturnSets(db, opts.inputDir);
    });
  } catch (e) {
    return notRun(`could not read the landed returns (${message(e)})`);
  }
  if (sets.length === 0) {
    log.info({ stage: 'validate' }, 'validate: no SSDA903 or CIN census landed, nothing to validate');
    return { status: 'no returns', returns: [], ms: Date.now() - started };
  }
  // The returns are validated side by side (one process each), then stored one after the other.
  const outcomes = await Promise.all(
    sets.map(async (s) => {
      const t0 = Date.now();
      const job = jobFor(s, sets, opts.config);
      if (typeof job === 'string') return { s, error: job, ms: 0 };
      try {
        const result = await runValidator(job, {
          timeoutMs: opts.config.validation.timeoutSeconds * 1000,
          onSpawn: (pid) => opts.children?.add(pid, 'returns_validators.py'),
          onExit: (pid) => opts.children?.remove(pid),
        });
        return { s, result, ms: Date.now() - t0 };
      } catch (e) {
        return { s, error: message(e), ms: Date.now() - t0 };
      }
    }),
  );
  const returns: ReturnValidation[] = [];
  try {
    await withWarehouse(opts.workWarehouse, {}, async (db) => {
      for (const o of outcomes as { s: ReturnSet; result?: ValidatorResult; error?: string; ms: number }[]) {
        const base = {
          return: o.s.return,
          set: o.s.set,
          collectionYear: o.result?.collectionYear ?? o.s.collectionYear,
          ms: o.ms,
        };
        if (o.result) {
          try {
            const counts = await storeFindings(db, {
              runId,
              set: o.s.set,
              inputDir: opts.inputDir,
              workDir: opts.workDir,
              result: o.result,
              ms: o.ms,
            });
            const r: ReturnValidation = { ...base, status: 'validated', ruleset: o.result.ruleset, ...counts };
            returns.push(r);
            const rules =
              o.result.rulesYear !== o.result.collectionYear
                ? ` (the validator has no ${o.result.collectionYear} rules: used ${o.result.ruleset})`
                : '';
            log.info(
              { stage: 'validate', ...r },
              `validate: ${returnName(r)}: ${counts.open.toLocaleString('en-GB')} open finding(s), ${counts.new} new, ${counts.fixed} fixed since the last run, in ${(o.ms / 1000).toFixed(1)} s${rules}`,
            );
            continue;
          } catch (e) {
            o.error = `its findings could not be stored (${message(e)})`;
          }
        }
        const r: ReturnValidation = { ...base, status: 'not run', reason: o.error };
        returns.push(r);
        log.warn(
          { stage: 'validate', ...r },
          `validation not run for ${returnName(r)}: ${o.error}. The run goes on and publishes as usual.`,
        );
        await recordNotRun(db, {
          runId,
          return: r.return,
          set: r.set,
          collectionYear: r.collectionYear,
          reason: o.error ?? 'unknown',
          ms: o.ms,
        });
      }
    });
  } catch (e) {
    return notRun(`the findings could not be stored (${message(e)})`);
  }
  const ran = returns.filter((r) => r.status === 'validated').length;
  const failed = returns.filter((r) => r.status === 'not run');
  const status = ran === returns.length ? 'validated' : ran === 0 ? 'not run' : 'partly';
  // One cause for every return (e.g. no validators installed) is said once.
  const causes = [...new Set(failed.map((r) => r.reason))];
  const reason =
    failed.length === 0
      ? undefined
      : causes.length === 1 && status === 'not run'
        ? causes[0]
        : failed.map((r) => `${returnName(r)}: ${r.reason}`).join('; ');
  return { status, reason, returns, ms: Date.now() - started };
}

/** One phrase for the run summary and status: open errors per return, or why validation did not run. */
export function describeValidation(v: ValidationSummary | undefined): string | null {
  if (!v || v.status === 'no returns') return null;
  if (v.status === 'not run') return `validation not run: ${v.reason}`;
  const parts = v.returns.map((r) =>
    r.status === 'validated'
      ? `${returnName(r)} ${r.open} open error(s) (${r.new} new, ${r.fixed} fixed)`
      : `${returnName(r)} validation not run: ${r.reason}`,
  );
  return parts.join('; ');
}

/** Returns whose open errors went up since they were last validated (the notify command is told). */
export const risenReturns = (v: ValidationSummary | undefined): ReturnValidation[] =>
  (v?.returns ?? []).filter(
    (r) => r.status === 'validated' && r.previousOpen !== undefined && (r.open ?? 0) > r.previousOpen,
  );
