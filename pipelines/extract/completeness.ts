// The completeness guard: an export that is cut off, far smaller than the source's previous export, or older than
// it is held back rather than published, so one damaged night never becomes the committee's figures. The source
// keeps its previous data; the run says so (run record, summary, `csp status`, the notify command), and
// `csp accept SOURCE` (or completeness.accept) takes a shrink or an older export that is real.
// Pure rules here; land-file.ts gathers the facts and applies the verdict.

export interface CompletenessRules {
  /** A new export with more than this share fewer rows than the previous one is held back (percent). */
  maxDropPercent: number;
  /** Per-source limits, keyed "system.entity". */
  perSource: Readonly<Record<string, number>>;
  /** Sources whose shrunk or older exports are always taken (the guard still refuses a cut-off file). */
  accept: readonly string[];
}

export const DEFAULT_COMPLETENESS: CompletenessRules = { maxDropPercent: 20, perSource: {}, accept: [] };

export type HoldReason = 'truncated' | 'shrunk' | 'older';

export interface ExportFacts {
  file: string;
  rows: number;
  /** The latest date in any date field, up to today (yyyy-mm-dd), or null when it has none. */
  latestDate: string | null;
  /** When it was landed (ISO), for the previous export. */
  loadedAt?: string;
}

export interface HeldExport {
  source: string;
  file: string;
  reason: HoldReason;
  /** One paragraph naming the file, what is wrong, what analysts see instead and what to do. */
  message: string;
  rows: number;
  latestDate: string | null;
  previous: ExportFacts | null;
}

const count = (n: number) => n.toLocaleString('en-GB');
const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A CSV is cut off when it does not end with a line break and its last record was rejected (short, or a value cut mid-way). */
export const isCutOff = (endsWithLineBreak: boolean, lastRecordRejected: boolean): boolean =>
  !endsWithLineBreak && lastRecordRejected;

export function truncatedExport(
  source: string,
  next: ExportFacts,
  lastLine: number,
  previous: ExportFacts | null,
): HeldExport {
  const kept = previous
    ? `; held back: analysts keep the previous export (${previous.file}, ${count(previous.rows)} rows)`
    : ' (and the source has no earlier export to keep)';
  return {
    source,
    file: next.file,
    reason: 'truncated',
    rows: next.rows,
    latestDate: next.latestDate,
    previous,
    message: `${next.file} is cut off: its last record (line ${lastLine}) stops mid-row with no line break after it, so the file is incomplete. None of it was landed${kept}. Export it again and run again.`,
  };
}

export function dropLimit(source: string, rules: CompletenessRules): number {
  return rules.perSource[source] ?? rules.maxDropPercent;
}

/** Is this export held back against the source's previous one? null when it may land. */
export function judgeExport(
  source: string,
  next: ExportFacts,
  previous: ExportFacts | null,
  rules: CompletenessRules,
  accepted: boolean,
): HeldExport | null {
  if (!previous || accepted || rules.accept.includes(source)) return null;
  const limit = dropLimit(source, rules);
  const kept = `Held back: analysts keep the previous export (${previous.file}${previous.loadedAt ? `, landed ${ukDate(previous.loadedAt)}` : ''}).`;
  const todo = `If this is real, run \`csp accept ${source}\` and the next run takes it; otherwise export it again.`;
  const held = (reason: HoldReason, what: string): HeldExport => ({
    source,
    file: next.file,
    reason,
    rows: next.rows,
    latestDate: next.latestDate,
    previous,
    message: `${source}: ${what} ${kept} ${todo}`,
  });
  if (previous.rows > 0 && next.rows < previous.rows * (1 - limit / 100)) {
    const drop = Math.round((1 - next.rows / previous.rows) * 100);
    return held(
      'shrunk',
      `${next.file} has ${count(next.rows)} rows, ${drop}% fewer than the ${count(previous.rows)} in the previous export (the setting ${rules.perSource[source] === undefined ? 'completeness.maxDropPercent' : `completeness.perSource["${source}"]`} holds back more than ${limit}% fewer).`,
    );
  }
  if (next.latestDate && previous.latestDate && next.latestDate < previous.latestDate) {
    return held(
      'older',
      `${next.file}'s latest date is ${ukDate(next.latestDate)}, before the previous export's ${ukDate(previous.latestDate)}: it looks like an older export.`,
    );
  }
  return null;
}

/** One line for the run summary and the notify command. */
export const describeHeld = (held: readonly HeldExport[]): string =>
  held
    .map(
      (h) =>
        `${h.source} (${h.file}: ${h.reason === 'truncated' ? 'cut off' : h.reason === 'shrunk' ? `${count(h.rows)} rows against ${count(h.previous?.rows ?? 0)}` : `latest date ${h.latestDate} before ${h.previous?.latestDate}`})`,
    )
    .join(', ');
