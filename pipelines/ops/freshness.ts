// How old each source's data is: days since its newest export file (the file's own time, i.e. when the
// export was taken), against a limit per source.
import type { Warehouse } from '../../core/warehouse.js';

// (Type aliases, not interfaces, so rows read from DuckDB can be typed as them.)
export type SourceTime = {
  source: string;
  newestFile: string | null;
  /** ISO time (UTC) of the newest current export file. */
  newestFileAt: string | null;
};

export type SourceFreshness = SourceTime & {
  ageDays: number | null;
  maxAgeDays: number;
  stale: boolean;
};

export interface FreshnessLimits {
  maxAgeDays: number;
  perSource: Record<string, number>;
}

const DAY_MS = 86_400_000;

/** Newest current file per source from the load ledger (raw._loads); none if nothing was ever landed. */
export async function readSourceTimes(db: Warehouse): Promise<SourceTime[]> {
  const exists = await db.json<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_schema = 'raw' AND table_name = '_loads'`,
  );
  if (!exists[0]?.n) return [];
  return db.json<SourceTime>(`
    SELECT source,
           arg_max(source_file, file_modified_at) AS "newestFile",
           strftime(max(file_modified_at), '%Y-%m-%dT%H:%M:%SZ') AS "newestFileAt"
    FROM raw._loads
    WHERE status = 'loaded' AND is_current AND source IS NOT NULL
    GROUP BY source
    ORDER BY source`);
}

/**
 * Sources that have been loaded, and sources given their own limit in ops.freshness.perSource (stale if never
 * loaded). A source the pipeline could read but the council does not send yet is not reported every night.
 */
export function evaluateFreshness(
  times: SourceTime[],
  limits: FreshnessLimits,
  now: Date = new Date(),
): SourceFreshness[] {
  const bySource = new Map(times.map((t) => [t.source, t]));
  const names = [...new Set([...bySource.keys(), ...Object.keys(limits.perSource)])].sort();
  return names.map((source) => {
    const t = bySource.get(source) ?? { source, newestFile: null, newestFileAt: null };
    const maxAgeDays = limits.perSource[source] ?? limits.maxAgeDays;
    const ageDays = t.newestFileAt ? Math.max(0, (now.getTime() - Date.parse(t.newestFileAt)) / DAY_MS) : null;
    return {
      ...t,
      ageDays: ageDays === null ? null : Math.round(ageDays * 10) / 10,
      maxAgeDays,
      stale: ageDays === null || ageDays > maxAgeDays,
    };
  });
}

export function describeStale(f: SourceFreshness): string {
  if (f.newestFileAt === null) return `${f.source} has never been loaded (limit ${f.maxAgeDays} days)`;
  return `${f.source}: newest export ${f.newestFile} is ${f.ageDays!.toLocaleString('en-GB')} days old (limit ${f.maxAgeDays})`;
}

/** One line for many sources: how many are stale and which is the oldest. */
export function describeStaleSources(all: SourceFreshness[]): string | null {
  const stale = all.filter((f) => f.stale);
  if (stale.length === 0) return null;
  if (stale.length === 1) return describeStale(stale[0]!);
  const never = stale.filter((f) => f.ageDays === null);
  const oldest = [...stale].filter((f) => f.ageDays !== null).sort((a, b) => b.ageDays! - a.ageDays!)[0];
  const parts = [`${stale.length} of ${all.length} sources are older than their freshness limit`];
  if (oldest) parts.push(`oldest ${describeStale(oldest)}`);
  if (never.length) parts.push(`never loaded: ${never.map((f) => f.source).join(', ')}`);
  return parts.join('; ');
}
