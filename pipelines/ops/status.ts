// `csp status`: in one screen, did last night's run work, what do analysts see now, and what is stale.
// Built from files only (run records, the lock, the `current` link) plus a read-only look at the published
// warehouse, so it never waits for, or gets in the way of, a run in progress. The same view is written to
// status.json after every run for monitoring.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../core/config.js';
import type { DataPaths } from '../../core/paths.js';
import { PUBLISHED_MARKER, publishedRunId, runFolder, SNAPSHOT_FILE } from '../publish.js';
import type { RunRecord, Stage } from '../run.js';
import { withWarehouse } from '../../core/warehouse.js';
import type { HeldExport } from '../extract/completeness.js';
import { describeShortfall } from '../extract/workbook-shortfall.js';
import { writeJsonAtomic } from '../../core/atomic.js';
import {
  describeStaleSources,
  evaluateFreshness,
  readSourceTimes,
  type SourceFreshness,
  type SourceTime,
} from './freshness.js';
import { inspectLock } from './lock.js';
import { listRunRecords, readRunRecord } from './recover.js';
import { scheduleInterval } from './schedule.js';
import { describeValidation, returnName, type ValidationSummary } from '../validate/validate.js';

export type RunState = 'running' | 'succeeded' | 'failed' | 'interrupted';

export interface RunSummary {
  runId: string;
  state: RunState;
  trigger?: string;
  startedAt: string;
  finishedAt?: string;
  stage?: Stage;
  error?: string;
  published: boolean;
  /** Set when the run found nothing changed and kept this published run's warehouse and appendices. */
  keptRunId?: string;
  read?: number;
  rejected?: number;
  testsPassed?: number;
  testsFailed?: number;
  /** Sources whose new export the run held back (completeness guard). */
  held?: string[];
}

export interface StatusView {
  generatedAt: string;
  dataDir: string;
  timezone: string;
  /** True when the last run published and no source is stale. */
  ok: boolean;
  headline: string;
  problems: string[];
  /** Did the last finished run replace the warehouse and appendices? */
  refreshed: boolean;
  lastRun: RunSummary | null;
  running: (RunSummary & { pid: number; hostname: string }) | null;
  published: {
    runId: string;
    publishedAt: string | null;
    warehouse: string;
    appendices: string;
    files: string[];
  } | null;
  sources: SourceFreshness[];
  /**
   * Exports the last finished run held back (completeness guard): those sources keep their previous data until a
   * whole export arrives or `csp accept SOURCE` takes it. Their state in the source list is HELD.
   */
  held: HeldExport[];
  /** The DfE's rules on the returns, as the latest run that validated found them: open errors per return. */
  validation: (ValidationSummary & { runId: string }) | null;
  recentRuns: RunSummary[];
}

const RECENT = 7;
const SOURCES_ON_SCREEN = 12;

function summarise(r: RunRecord, state: RunState): RunSummary {
  const stages = Object.entries(r.stages) as [Stage, NonNullable<RunRecord['stages'][Stage]>][];
  const stage =
    state === 'failed' || state === 'interrupted'
      ? (r.failedStage ?? stages.find(([, s]) => s.status !== 'succeeded')?.[0])
      : state === 'running'
        ? stages.find(([, s]) => s.status === 'running')?.[0]
        : undefined;
  return {
    runId: r.runId,
    state,
    trigger: r.trigger,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    stage,
    error: r.error,
    published: r.published === true || (r.status === 'succeeded' && r.published === undefined && !r.unchanged),
    keptRunId: r.unchanged?.keptRunId,
    read: r.stages.extract?.read,
    rejected: r.stages.extract?.rejected,
    testsPassed: r.stages.transform?.testsPassed,
    testsFailed: r.stages.transform?.testsFailed,
    ...(r.held?.length ? { held: r.held.map((h) => h.source) } : {}),
  };
}

async function publishedSourceTimes(paths: DataPaths, runId: string): Promise<SourceTime[] | null> {
  const snapshot = path.join(runFolder(paths, runId), SNAPSHOT_FILE);
  const file = existsSync(snapshot) ? snapshot : paths.warehouse;
  if (!existsSync(file)) return null;
  try {
    return await withWarehouse(file, { readOnly: true }, readSourceTimes);
  } catch {
    return null; // e.g. someone holds it open read-write: fall back to what the publishing run saw
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

export function formatTime(iso: string | null | undefined, timezone: string): string {
  if (!iso) return 'unknown';
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

export async function buildStatus(paths: DataPaths, config: Config, now: Date = new Date()): Promise<StatusView> {
  const tz = config.schedule.timezone;
  const records = listRunRecords(paths, 50);
  const lock = inspectLock(paths.lock);
  const liveRunId = lock?.state.alive ? lock.info?.runId : undefined;

  const stateOf = (r: RunRecord): RunState =>
    r.status !== 'running' ? r.status : r.runId === liveRunId ? 'running' : 'interrupted';
  const summaries = records.map((r) => summarise(r, stateOf(r)));
  const runningRecord = summaries.find((s) => s.state === 'running');
  const running =
    lock?.state.alive && lock.info
      ? {
          ...(runningRecord ?? {
            runId: lock.info.runId,
            state: 'running' as const,
            startedAt: lock.info.startedAt,
            published: false,
          }),
          pid: lock.info.pid,
          hostname: lock.info.hostname,
        }
      : null;
  const finished = summaries.filter((s) => s.state !== 'running');
  const lastRun = finished[0] ?? null;
  const held = (lastRun ? records.find((r) => r.runId === lastRun.runId)?.held : undefined) ?? [];

  const pubId = publishedRunId(paths);
  let published: StatusView['published'] = null;
  let sources: SourceFreshness[] = [];
  if (pubId) {
    const marker = readJson<{ publishedAt: string }>(path.join(runFolder(paths, pubId), PUBLISHED_MARKER));
    const pubRecord = readRunRecord(path.join(paths.runs, `${pubId}.json`));
    const manifest = readJson<{ files: { file: string }[] }>(
      path.join(runFolder(paths, pubId), 'appendices', 'manifest.json'),
    );
    published = {
      runId: pubId,
      publishedAt: marker?.publishedAt ?? pubRecord?.publishedAt ?? pubRecord?.finishedAt ?? null,
      warehouse: paths.warehouse,
      appendices: paths.appendices,
      files: manifest?.files.map((f) => f.file) ?? [],
    };
    const times = (await publishedSourceTimes(paths, pubId)) ?? pubRecord?.freshness ?? [];
    sources = evaluateFreshness(times, config.ops.freshness, now);
  }

  const problems: string[] = [];
  // A run that found nothing changed keeps the published run: analysts see the newest data there is.
  const refreshed =
    !!lastRun &&
    lastRun.state === 'succeeded' &&
    ((lastRun.published && pubId === lastRun.runId) || (!!lastRun.keptRunId && pubId === lastRun.keptRunId));
  const stillSee = published
    ? `Analysts still see run ${published.runId}, published ${formatTime(published.publishedAt, tz)}.`
    : 'Nothing has been published yet.';
  if (!lastRun && !running) problems.push('NO RUNS YET: run `csp run` (or start `csp schedule`).');
  else if (lastRun && !refreshed) {
    const why = (e: string | undefined, fallback: string) => oneLine((e ?? fallback).replace(/\.\s*$/, ''), 200);
    const how =
      lastRun.state === 'interrupted'
        ? `was interrupted${lastRun.stage ? ` during ${lastRun.stage}` : ''} (${why(lastRun.error, 'its process is no longer running')}; the next run recovers by itself)`
        : `failed at ${lastRun.stage ?? 'start'}: ${why(lastRun.error, 'no reason recorded')}`;
    problems.push(
      `NOT REFRESHED: the last run (${lastRun.runId}, started ${formatTime(lastRun.startedAt, tz)}) ${how}. ${stillSee}`,
    );
  }
  const last = running ?? lastRun;
  const interval = scheduleInterval(config.schedule.cron, tz);
  if (last && interval && now.getTime() - Date.parse(last.startedAt) > interval + 2 * 3_600_000) {
    problems.push(
      `OVERDUE: no run has started since ${formatTime(last.startedAt, tz)}; is \`csp schedule\` (or the cron job / systemd timer) running?`,
    );
  }
  for (const h of held) problems.push(`HELD: ${h.message}`);
  const stale = describeStaleSources(sources);
  if (stale) problems.push(`STALE: ${stale}.`);
  const lastRecord = records.find((r) => r.runId === lastRun?.runId);
  for (const w of lastRecord?.workbookShortfalls ?? []) problems.push(`FEWER LISTS: ${describeShortfall(w)}`);

  // An unchanged run validates nothing new: the latest run that did says what is open.
  const validated = records.find((r) => r.validation && r.validation.status !== 'no returns');
  const validation = validated?.validation ? { ...validated.validation, runId: validated.runId } : null;

  const ok = problems.length === 0;
  const headline = ok
    ? lastRun
      ? lastRun.keptRunId
        ? `OK: the last run (${lastRun.runId}) found nothing changed and kept run ${lastRun.keptRunId}, published at ${formatTime(published?.publishedAt, tz)}; every source is within its freshness limit.`
        : `OK: the last run (${lastRun.runId}) succeeded and published at ${formatTime(published?.publishedAt, tz)}; every source is within its freshness limit.`
      : `RUNNING: the first run is in progress.`
    : problems[0]!;
  return {
    generatedAt: now.toISOString(),
    dataDir: paths.root,
    timezone: tz,
    ok,
    headline,
    problems,
    refreshed,
    lastRun,
    running,
    published,
    sources,
    held,
    validation,
    recentRuns: summaries.slice(0, RECENT),
  };
}

export async function writeStatus(paths: DataPaths, config: Config): Promise<StatusView> {
  const view = await buildStatus(paths, config);
  writeJsonAtomic(paths.status, view);
  return view;
}

const pad = (s: string, n: number) => (s.length >= n ? s + ' ' : s + ' '.repeat(n - s.length));
const count = (n: number | undefined) => (n === undefined ? '?' : n.toLocaleString('en-GB'));
const oneLine = (s: string, max = 90) => {
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

export function formatStatus(v: StatusView): string {
  const t = (iso: string | null | undefined) => formatTime(iso, v.timezone);
  const out: string[] = [];
  out.push(`csp status: ${v.dataDir}  (${t(v.generatedAt)}, ${v.timezone})`, '');
  out.push(v.headline);
  for (const p of v.problems.slice(1)) out.push(p);
  out.push('');
  out.push(
    `Published    ${v.published ? `run ${v.published.runId}, ${t(v.published.publishedAt)}: ${v.published.files.length} appendix file(s) in appendices/, warehouse.duckdb` : 'nothing yet'}`,
  );
  out.push(`Refreshed    ${v.refreshed ? 'yes, by the last run' : 'NO: the data is not from the last run'}`);
  if (v.validation) {
    const lines =
      v.validation.status === 'not run'
        ? [describeValidation(v.validation)!]
        : v.validation.returns.map((r) =>
            r.status === 'validated'
              ? `${returnName(r)}: ${count(r.open)} open error(s), ${count(r.new)} new, ${count(r.fixed)} fixed`
              : `${returnName(r)}: validation not run: ${oneLine(r.reason ?? '', 160)}`,
          );
    lines.forEach((l, i) =>
      out.push(`${i === 0 ? 'DfE rules   ' : '            '} ${l}${i === 0 ? ` (run ${v.validation!.runId})` : ''}`),
    );
  }
  out.push(
    `Running now  ${v.running ? `run ${v.running.runId} (pid ${v.running.pid} on ${v.running.hostname}), started ${t(v.running.startedAt)}${v.running.stage ? `, in ${v.running.stage}` : ''}` : 'no'}`,
  );
  out.push('');
  if (v.sources.length) {
    // Many sources would push the rest off the screen: then list the stale ones and count the rest.
    const heldSources = new Set(v.held.map((h) => h.source));
    const listed =
      v.sources.length <= SOURCES_ON_SCREEN ? v.sources : v.sources.filter((f) => f.stale || heldSources.has(f.source));
    const w = Math.max(...v.sources.map((f) => f.source.length)) + 2;
    const fresh = v.sources.filter((f) => !f.stale && !heldSources.has(f.source));
    const freshLine = `${fresh.length} source(s) within their freshness limits (the oldest export ${Math.max(...fresh.map((f) => f.ageDays ?? 0)).toLocaleString('en-GB')} days old); \`csp status --json\` lists them all`;
    if (listed.length === 0) out.push(`Sources      ${freshLine}`);
    else
      out.push(
        `Sources      ${pad('source', w)}${pad('newest export', 26)}${pad('age (days)', 12)}${pad('limit', 7)}state`,
      );
    if (listed.length > 0 && listed.length < v.sources.length) out.push(`             ${freshLine}`);
    for (const f of listed.slice(0, SOURCES_ON_SCREEN)) {
      const age = f.ageDays === null ? '-' : f.ageDays.toLocaleString('en-GB');
      out.push(
        `             ${pad(f.source, w)}${pad(f.newestFileAt ? t(f.newestFileAt) : 'never loaded', 26)}${pad(age, 12)}${pad(String(f.maxAgeDays), 7)}${[heldSources.has(f.source) ? 'HELD' : '', f.stale ? 'STALE' : ''].filter(Boolean).join(', ') || 'ok'}`,
      );
    }
    if (listed.length > SOURCES_ON_SCREEN)
      out.push(`             … and ${listed.length - SOURCES_ON_SCREEN} more stale source(s) (\`csp status --json\`)`);
    out.push('');
  }
  if (v.recentRuns.length) {
    out.push('Recent runs');
    for (const r of v.recentRuns) {
      const what =
        r.state === 'succeeded' && r.keptRunId
          ? `unchanged: nothing new since run ${r.keptRunId}, kept its warehouse and appendices (${count(r.read)} rows read)`
          : r.state === 'succeeded'
            ? `${r.published ? 'published' : 'succeeded'}: ${count(r.read)} rows read, ${count(r.rejected)} rejected, ${count(r.testsPassed)} tests passed${r.held?.length ? `; HELD: ${r.held.join(', ')}` : ''}`
            : r.state === 'running'
              ? `running${r.stage ? ` (${r.stage})` : ''}`
              : `${r.state.toUpperCase()} at ${r.stage ?? 'start'}: ${oneLine(r.error ?? '')}`;
      out.push(`  ${pad(r.runId, 23)}${pad(t(r.startedAt), 24)}${pad(r.trigger ?? '', 9)}${what}`);
    }
  }
  return out.join('\n');
}
