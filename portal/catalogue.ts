// What the portal can serve: the entries of the appendices manifests (each published run's, and the on-demand
// reports'), each given an opaque id. A download is looked up by that id in this list; nothing from a request is
// ever turned into a path.
import { RESTRICTED_ONLY } from '../reports/registry.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataPaths } from '../core/paths.js';
import { PUBLISHED_MARKER, publishedRunId, runFolder } from '../pipelines/publish.js';
import type { ManifestEntry, Variant } from '../reports/lib/appendix.js';
import { MANIFEST } from '../reports/catalog.js';
import type { Role } from './users.js';

export type Origin = 'published' | 'on-demand';

export interface CatalogueFile extends ManifestEntry {
  id: string;
  origin: Origin;
  /** The published run whose folder holds the file (on-demand reports: null). */
  folderRun: string | null;
  /** True for the run analysts see now, and for on-demand reports. */
  current: boolean;
  publishedAt: string | null;
  absPath: string;
}

export interface PublishedRun {
  runId: string;
  publishedAt: string | null;
  current: boolean;
}

export interface Catalogue {
  files: CatalogueFile[];
  runs: PublishedRun[];
  /** Manifests that could not be read, in words, for the log and the status page. */
  problems: string[];
}

export const fileId = (origin: Origin, folder: string, file: string): string =>
  createHash('sha256').update(`${origin}\u0000${folder}\u0000${file}`).digest('hex').slice(0, 24);

export const isFileId = (s: string): boolean => /^[0-9a-f]{24}$/.test(s);

/** A manifest names files in its own folder only: anything else (a sub-path, a dot file) is not served. */
const plainFileName = (name: unknown): name is string =>
  typeof name === 'string' &&
  name.length > 0 &&
  name === path.basename(name) &&
  !name.startsWith('.') &&
  name !== MANIFEST &&
  // eslint-disable-next-line no-control-regex -- a NUL in a file name is refused on purpose
  !/[\\/\u0000]/.test(name);

function readManifest(dir: string, problems: string[]): ManifestEntry[] {
  const file = path.join(dir, MANIFEST);
  if (!existsSync(file)) return [];
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { files?: unknown };
    if (!Array.isArray(parsed.files)) throw new Error('it has no "files" list');
    const entries: ManifestEntry[] = [];
    for (const [i, e] of (parsed.files as ManifestEntry[]).entries()) {
      if (
        !plainFileName(e?.file) ||
        (e.variant !== 'public' && e.variant !== 'restricted') ||
        !/^[0-9a-f]{64}$/.test(String(e.sha256))
      ) {
        problems.push(
          `${file}: entry ${i + 1} is not a plain file name with a variant and sha256, so it is not offered`,
        );
        continue;
      }
      // A report naming children is restricted whatever its manifest says.
      entries.push(RESTRICTED_ONLY.has(e.report) ? { ...e, variant: 'restricted' } : e);
    }
    return entries;
  } catch (e) {
    problems.push(`${file} cannot be read (${(e as Error).message}); its appendices are not offered until it is fixed`);
    return [];
  }
}

const readMarker = (dir: string): string | null => {
  try {
    return (
      (JSON.parse(readFileSync(path.join(dir, PUBLISHED_MARKER), 'utf8')) as { publishedAt?: string }).publishedAt ??
      null
    );
  } catch {
    return null;
  }
};

export function readCatalogue(paths: DataPaths): Catalogue {
  const problems: string[] = [];
  const files: CatalogueFile[] = [];
  const runs: PublishedRun[] = [];
  const currentRun = publishedRunId(paths);
  const folders = existsSync(paths.published)
    ? readdirSync(paths.published, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];
  for (const run of folders) {
    const dir = runFolder(paths, run);
    const publishedAt = readMarker(dir);
    const current = run === currentRun;
    // A folder without the marker is a run still being published (or one that never was): not offered.
    if (!current && !existsSync(path.join(dir, PUBLISHED_MARKER))) continue;
    runs.push({ runId: run, publishedAt, current });
    const appendices = path.join(dir, 'appendices');
    for (const e of readManifest(appendices, problems)) {
      files.push({
        ...e,
        id: fileId('published', run, e.file),
        origin: 'published',
        folderRun: run,
        current,
        publishedAt,
        absPath: path.join(appendices, e.file),
      });
    }
  }
  const reports = path.join(paths.root, 'reports');
  for (const e of readManifest(reports, problems)) {
    files.push({
      ...e,
      id: fileId('on-demand', 'reports', e.file),
      origin: 'on-demand',
      folderRun: null,
      current: true,
      publishedAt: null,
      absPath: path.join(reports, e.file),
    });
  }
  runs.sort((a, b) => (b.publishedAt ?? b.runId).localeCompare(a.publishedAt ?? a.runId));
  return { files: sortNewestFirst(files), runs, problems };
}

type Sortable = Pick<ManifestEntry, 'generatedAt' | 'appendix' | 'variant'> & { format?: string };
/** Newest first; then by appendix number, public before restricted, Excel before PDF. */
export const sortNewestFirst = <T extends Sortable>(items: T[]): T[] =>
  [...items].sort(
    (a, b) =>
      b.generatedAt.localeCompare(a.generatedAt) ||
      a.appendix.localeCompare(b.appendix, 'en-GB', { numeric: true }) ||
      a.variant.localeCompare(b.variant) ||
      (a.format ?? '').localeCompare(b.format ?? ''),
  );

export const visibleVariants = (role: Role): Variant[] =>
  role === 'performance' ? ['public', 'restricted'] : ['public'];
export const canSee = (role: Role, variant: Variant): boolean => visibleVariants(role).includes(variant);

/** One appendix (report, period and variant of one run) with its Excel and PDF files: a row on the page. */
export interface AppendixRow extends Pick<
  ManifestEntry,
  | 'report'
  | 'title'
  | 'appendix'
  | 'period'
  | 'periodEnd'
  | 'variant'
  | 'committee'
  | 'meetingDate'
  | 'runId'
  | 'dataAsAt'
  | 'generatedAt'
> {
  key: string;
  origin: Origin;
  xlsx?: CatalogueFile;
  pdf?: CatalogueFile;
}

export function groupRows(files: CatalogueFile[]): AppendixRow[] {
  const rows = new Map<string, AppendixRow>();
  for (const f of files) {
    const key = [f.origin, f.folderRun ?? '', f.runId, f.report, f.periodEnd, f.variant].join('|');
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        report: f.report,
        title: f.title,
        appendix: f.appendix,
        period: f.period,
        periodEnd: f.periodEnd,
        variant: f.variant,
        committee: f.committee,
        meetingDate: f.meetingDate,
        runId: f.runId,
        origin: f.origin,
        dataAsAt: f.dataAsAt,
        generatedAt: f.generatedAt,
      };
      rows.set(key, row);
    }
    if (f.format === 'xlsx') row.xlsx = f;
    else if (f.format === 'pdf') row.pdf = f;
  }
  return sortNewestFirst([...rows.values()]);
}

export interface Filter {
  report?: string;
  period?: string;
}

/** Keep the files a role may see that match the filter; filter values are only compared, never used as paths. */
export function selectFiles(files: CatalogueFile[], role: Role, filter: Filter = {}): CatalogueFile[] {
  return files.filter(
    (f) =>
      canSee(role, f.variant) &&
      (!filter.report || f.report === filter.report) &&
      (!filter.period || f.periodEnd === filter.period),
  );
}

/** The choices for the filter form: each report and each period end present, with their labels. */
export function filterChoices(files: CatalogueFile[]): {
  reports: { value: string; label: string }[];
  periods: { value: string; label: string }[];
} {
  const reports = new Map<string, string>();
  const periods = new Map<string, string>();
  for (const f of files) {
    reports.set(f.report, `Appendix ${f.appendix}: ${f.title}`);
    periods.set(f.periodEnd, f.period);
  }
  return {
    reports: [...reports]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'en-GB', { numeric: true })),
    periods: [...periods].map(([value, label]) => ({ value, label })).sort((a, b) => b.value.localeCompare(a.value)),
  };
}
