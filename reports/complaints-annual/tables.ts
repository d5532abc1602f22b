// The annual report's tables as published: figures from data.ts, shaped into rows, then suppressed and rounded
// for the public variant (exact for the restricted one). Each table carries its column headers and kinds, so
// the PDF, the Excel file and the charts all show the same figures from one definition. Pure.
import { longDate } from '../../core/calendar/dates.js';
import type { Variant } from '../lib/appendix.js';
import { protect, type AuditResult } from '../lib/disclosure-audit.js';
import { finestGrain, grainNote, suppressedShare } from '../lib/grain.js';
import {
  publishRows,
  suppress,
  type CellRef,
  type ColumnSpec,
  type Shown,
  type TableSpec,
} from '../lib/suppression.js';
import { tablesModel, type AuditTable } from '../lib/table-audit.js';
import { coversYear, type FinancialYear } from './period.js';
import {
  ESCALATIONS,
  PROCEDURES,
  type ComplaintsAnnualData,
  type LabelCount,
  type Procedure,
  type ProcedureYear,
} from './data.js';

/** A column as shown: its suppression kind (what it is made from) and its header. */
export type ReportColumn = ColumnSpec & { header: string };

export interface ReportTable {
  /** Short id, also the Excel sheet name (31 characters at most). */
  sheet: string;
  title: string;
  note?: string;
  columns: ReportColumn[];
  spec: TableSpec;
  /** Published rows: each figure a number, "c" or null (not available). */
  rows: Record<string, Shown | string>[];
  /** The unsuppressed figures, for the restricted variant's checks and for tests. */
  raw: Record<string, unknown>[];
  totalRows: number[];
  /** Ids of the figures this table shares with others (see publishLinked). */
  ids?: FigureIds;
}

export interface ComplaintsAnnualTables {
  byProcedure: ReportTable;
  outcomes: ReportTable;
  timeliness: ReportTable;
  issues: ReportTable;
  serviceAreas: ReportTable;
  escalations: ReportTable;
  comments: ReportTable;
  compliments: ReportTable;
  youngPeople: ReportTable;
  sendByYear: ReportTable;
  sendIssues: ReportTable;
  trendReceived: ReportTable;
  trendMeasures: ReportTable;
}

const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
const ratio = (n: number | null, d: number | null): number | null =>
  n === null || d === null || d === 0 ? null : n / d;
const minus = (from: number | null, to: number | null): number | null =>
  from === null || to === null ? null : to - from;

const label = (header: string, key = 'label'): ReportColumn => ({ key, kind: 'label', header });
const count = (key: string, header: string): ReportColumn => ({ key, kind: 'count', header });
const total = (key: string, header: string, of: readonly string[]): ReportColumn => ({
  key,
  kind: 'total',
  of,
  header,
});
const change = (key: string, header: string, from: string, to: string): ReportColumn => ({
  key,
  kind: 'difference',
  from,
  to,
  header,
});
const pct = (key: string, header: string, numerator: string, denominator: string): ReportColumn => ({
  key,
  kind: 'percent',
  numerator,
  denominator,
  header,
});

/** Excel sheet names allow 31 characters. */
const sheetName = (s: string) => s.slice(0, 31);

/** The Comments table's grain: by service area, by service group (seed service_area_groups), or all together (the total alone). */
export type CommentsGrain = 'service area' | 'service group' | 'all';

export interface CommentsGrainSettings {
  grains: readonly CommentsGrain[];
  maxSuppressedShare: number;
}

/**
 * The tables, published. `extra` names further figures to hide (disclosure-model ids, see auditTables), which
 * protectedComplaintsAnnualTables adds until the exact audit passes.
 */
export function complaintsAnnualTables(
  d: ComplaintsAnnualData,
  variant: Variant,
  threshold: number,
  extra: ReadonlySet<string> = new Set(),
  commentsGrain: CommentsGrain = 'service area',
): ComplaintsAnnualTables {
  const x = draft(d);
  // Drafted in this order (it is also the workbook's sheet order), then published together (see publishLinked).
  const tables = {
    byProcedure: byProcedureTable(x),
    outcomes: outcomesTable(x),
    timeliness: timelinessTable(x),
    ...issueAndServiceAreaTables(x),
    escalations: escalationsTable(x),
    ...commentAndComplimentTables(x, variant, commentsGrain),
    youngPeople: youngPeopleTable(x),
    ...sendTables(x),
    ...trendTables(x),
  } satisfies ComplaintsAnnualTables;
  noteShortTrend(x, tables);
  publishLinked(Object.values(tables), x.ids, variant, threshold, extra);
  return tables;
}

/** What every table of one year is drafted from: the year's labels, procedure lookups and the table maker. */
interface Draft {
  d: ComplaintsAnnualData;
  Y: string;
  L: string;
  lastYearShown: boolean;
  startsLate: (fy: FinancialYear) => boolean;
  proc: (p: Procedure) => string;
  py: (year: string, p: Procedure) => ProcedureYear;
  sumOf: (year: string, f: (r: ProcedureYear) => number) => number;
  last: (n: number) => number | null;
  make: (
    t: Omit<ReportTable, 'spec' | 'rows' | 'totalRows' | 'sheet'> & {
      sheet: string;
      totalRows?: number[];
      ids?: FigureIds;
    },
  ) => ReportTable;
  procAt: (row: number) => Procedure | 'ALL';
  withTotal: <R extends Record<string, unknown>>(rows: R[], totalRow: R) => { raw: R[]; totalRows: number[] };
  /** The ids of the figures each table shares with others (see publishLinked). */
  ids: Map<ReportTable, FigureIds>;
}

function draft(d: ComplaintsAnnualData): Draft {
  const Y = d.year.label;
  const L = d.previous.label;
  const lastYearShown = d.hasPrevious;
  const startsLate = (fy: FinancialYear) => !coversYear(d.firstReceived, fy);
  const proc = (p: Procedure) => d.procedureLabels[p];
  const py = (year: string, p: Procedure): ProcedureYear =>
    d.byProcedureYear.find((r) => r.year === year && r.procedure === p) ?? {
      year,
      procedure: p,
      received: 0,
      upheld: 0,
      partly: 0,
      notUpheld: 0,
      withdrawnOrOpen: 0,
      within10: 0,
      within20: 0,
      fromYoungPeople: 0,
    };
  const sumOf = (year: string, f: (r: ProcedureYear) => number) => sum(PROCEDURES, (p) => f(py(year, p)));
  const last = (n: number) => (lastYearShown ? n : null);

  // Tables are drafted first and published together at the end (see publishLinked), each with the ids of the
  // figures it shares with other tables.
  const ids = new Map<ReportTable, FigureIds>();
  const make = (
    t: Omit<ReportTable, 'spec' | 'rows' | 'totalRows' | 'sheet'> & {
      sheet: string;
      totalRows?: number[];
      ids?: FigureIds;
    },
  ): ReportTable => {
    const { ids: figureIds, ...rest } = t;
    const spec: TableSpec = { columns: t.columns.map(({ header: _h, ...c }) => c), totalRows: t.totalRows ?? [] };
    const table: ReportTable = {
      ...rest,
      sheet: sheetName(t.sheet),
      spec,
      rows: [],
      totalRows: t.totalRows ?? [],
      ...(figureIds ? { ids: figureIds } : {}),
    };
    if (figureIds) ids.set(table, figureIds);
    return table;
  };
  const procAt = (row: number) => PROCEDURES[row] ?? 'ALL'; // procedure rows, then the total row
  const withTotal = <R extends Record<string, unknown>>(rows: R[], totalRow: R) => ({
    raw: [...rows, totalRow],
    totalRows: [rows.length],
  });
  return { d, Y, L, lastYearShown, startsLate, proc, py, sumOf, last, make, procAt, withTotal, ids };
}

/** A row of outcome counts and shares; `f` sums a figure over the row's procedure(s) or year. */
const outRow = (l: string, f: (g: (r: ProcedureYear) => number) => number) => {
  const [received, upheld, partly, notUpheld, other] = [
    f((r) => r.received),
    f((r) => r.upheld),
    f((r) => r.partly),
    f((r) => r.notUpheld),
    f((r) => r.withdrawnOrOpen),
  ];
  return {
    label: l,
    received,
    upheld,
    partly,
    upOrPartly: upheld + partly,
    notUpheld,
    other,
    upPct: ratio(upheld, received),
    partlyPct: ratio(partly, received),
    upOrPartlyPct: ratio(upheld + partly, received),
    notUpheldPct: ratio(notUpheld, received),
  };
};
/** The outcome columns after a first (label) column. */
const outcomeColumns = (first: ReportColumn): ReportColumn[] => [
  first,
  total('received', 'Received', ['upheld', 'partly', 'notUpheld', 'other']),
  count('upheld', 'Upheld'),
  count('partly', 'Partly upheld'),
  total('upOrPartly', 'Upheld or partly', ['upheld', 'partly']),
  count('notUpheld', 'Not upheld'),
  count('other', 'Withdrawn or open'),
  pct('upPct', '% upheld', 'upheld', 'received'),
  pct('partlyPct', '% partly upheld', 'partly', 'received'),
  pct('upOrPartlyPct', '% upheld or partly', 'upOrPartly', 'received'),
  pct('notUpheldPct', '% not upheld', 'notUpheld', 'received'),
];

/** This year and last, by a label (comments by service area, compliments by team, SEND issues). */
function yearOnYear(
  x: Draft,
  sheet: string,
  title: string,
  first: string,
  counts: LabelCount[],
  note?: string,
  idOf?: (year: string, label: string) => string,
  totalOnly = false,
): ReportTable {
  const { Y, L, last, make, withTotal } = x;
  const labels = totalOnly ? [] : [...new Set(counts.map((c) => c.label))].sort();
  const n = (l: string, y: string) => counts.find((c) => c.label === l && c.key === y)?.n ?? 0;
  const all = (y: string) =>
    totalOnly
      ? sum(
          counts.filter((c) => c.key === y),
          (c) => c.n,
        )
      : sum(labels, (l) => n(l, y));
  const row = (l: string, lastN: number | null, thisN: number) => ({
    label: l,
    last: lastN,
    this: thisN,
    change: minus(lastN, thisN),
  });
  return make({
    sheet,
    title,
    columns: [label(first), count('last', L), count('this', Y), change('change', 'Change', 'last', 'this')],
    // The total alone is not a sum of rows the table shows (the audit must not model it as one).
    ...(totalOnly
      ? { raw: [row('Total', last(all(L)), all(Y))], totalRows: [] }
      : withTotal(
          labels.map((l) => row(l, last(n(l, L)), n(l, Y))),
          row('Total', last(all(L)), all(Y)),
        )),
    ...(note ? { note } : {}),
    ...(idOf
      ? {
          ids: (r: number, key: string) =>
            key === 'last' || key === 'this' ? idOf(key === 'last' ? L : Y, labels[r] ?? 'ALL') : null,
        }
      : {}),
  });
}

function byProcedureTable(x: Draft): ReportTable {
  const { d, Y, L, lastYearShown, startsLate, proc, py, sumOf, last, make, procAt, withTotal } = x;
  // ---- Complaints received by procedure, this year and last ----
  const recRow = (l: string, lastN: number | null, thisN: number) => ({
    label: l,
    last: lastN,
    this: thisN,
    change: minus(lastN, thisN),
    changePct: ratio(minus(lastN, thisN), lastN),
  });
  const byProcedure = make({
    sheet: 'Complaints by procedure',
    title: `Complaints received by procedure, ${Y} compared with ${L}`,
    columns: [
      label('Procedure'),
      count('last', L),
      count('this', Y),
      change('change', 'Change', 'last', 'this'),
      pct('changePct', '% change', 'change', 'last'),
    ],
    ...withTotal(
      PROCEDURES.map((p) => recRow(proc(p), last(py(L, p).received), py(Y, p).received)),
      recRow(
        'Total',
        last(sumOf(L, (r) => r.received)),
        sumOf(Y, (r) => r.received),
      ),
    ),
    note:
      [
        lastYearShown ? '' : `The data starts after 1 April ${d.previous.start.slice(0, 4)}, so ${L} is not shown.`,
        startsLate(d.year)
          ? `The data starts on ${longDate(d.firstReceived)}, part way through ${Y}, so ${Y} is only partly covered.`
          : '',
      ]
        .filter(Boolean)
        .join(' ') || undefined,
    ids: (row, key) =>
      key === 'last' ? `received|${L}|${procAt(row)}` : key === 'this' ? `received|${Y}|${procAt(row)}` : null,
  });
  return byProcedure;
}

function outcomesTable(x: Draft): ReportTable {
  const { Y, proc, py, sumOf, make, procAt, withTotal } = x;
  const outcomes = make({
    sheet: 'Outcomes',
    title: `Outcomes of stage 1 complaints received in ${Y}`,
    columns: outcomeColumns(label('Procedure')),
    ...withTotal(
      PROCEDURES.map((p) => outRow(proc(p), (g) => g(py(Y, p)))),
      outRow('Total', (g) => sumOf(Y, g)),
    ),
    ids: (row, key) => (OUTCOME_KEYS.includes(key) ? `${key}|${Y}|${procAt(row)}` : null),
  });
  return outcomes;
}

function timelinessTable(x: Draft): ReportTable {
  const { Y, proc, py, sumOf, make, procAt, withTotal } = x;
  // ---- Response times ----
  const timeRow = (l: string, r: { received: number; within10: number; within20: number }) => ({
    label: l,
    received: r.received,
    within10: r.within10,
    within10Pct: ratio(r.within10, r.received),
    within20: r.within20,
    within20Pct: ratio(r.within20, r.received),
  });
  const timeColumns = (first: ReportColumn): ReportColumn[] => [
    first,
    count('received', 'Complaints received'),
    count('within10', 'Responded within 10 working days'),
    pct('within10Pct', '% within 10 working days', 'within10', 'received'),
    count('within20', 'Responded within 20 working days'),
    pct('within20Pct', '% within 20 working days', 'within20', 'received'),
  ];
  const timeliness = make({
    sheet: 'Response times',
    title: `Stage 1 responses within 10 and 20 working days, complaints received in ${Y}`,
    columns: timeColumns(label('Procedure')),
    ...withTotal(
      PROCEDURES.map((p) => timeRow(proc(p), py(Y, p))),
      timeRow('Total', {
        received: sumOf(Y, (r) => r.received),
        within10: sumOf(Y, (r) => r.within10),
        within20: sumOf(Y, (r) => r.within20),
      }),
    ),
    note: 'Statutory complaints are due within 10 working days, or 20 when the complainant agrees an extension; corporate and SEND complaints within 20.',
    ids: (row, key) => (['received', 'within10', 'within20'].includes(key) ? `${key}|${Y}|${procAt(row)}` : null),
  });
  return timeliness;
}

function issueAndServiceAreaTables(x: Draft): Pick<ComplaintsAnnualTables, 'issues' | 'serviceAreas'> {
  const { d, Y, proc, make, withTotal } = x;
  // ---- Label x procedure tables (issues, service areas) ----
  const byProc = (
    sheet: string,
    title: string,
    first: string,
    labels: string[],
    counts: LabelCount[],
    note?: string,
    idPrefix?: string,
    totalRowIds?: FigureIds,
  ) => {
    const n = (l: string, p: string) => counts.find((c) => c.label === l && c.key === p)?.n ?? 0;
    const row = (l: string, f: (p: Procedure) => number) => ({
      label: l,
      ...Object.fromEntries(PROCEDURES.map((p) => [p, f(p)])),
      total: sum(PROCEDURES, f),
    });
    return make({
      sheet,
      title,
      columns: [label(first), ...PROCEDURES.map((p) => count(p, proc(p))), total('total', 'Total', PROCEDURES)],
      ...withTotal(
        labels.map((l) => row(l, (p) => n(l, p))),
        row('Total', (p) => sum(labels, (l) => n(l, p))),
      ),
      ...(note ? { note } : {}),
      ...(idPrefix
        ? { ids: (r: number, key: string) => `${idPrefix}|${key === 'total' ? 'ALL' : key}|${labels[r] ?? 'ALL'}` }
        : {}),
      ...(totalRowIds ? { ids: (r: number, key: string) => (r === labels.length ? totalRowIds(r, key) : null) } : {}),
    });
  };
  const issueLabels = d.issueCategories.filter((c) => d.issues.some((i) => i.label === c && i.n > 0));
  const issues = byProc(
    'Issues',
    `Issues raised in complaints received in ${Y}, by area of complaint`,
    'Area of complaint',
    issueLabels,
    d.issues,
    'A complaint can raise issues in several areas; each area is counted once per complaint, so the total is of issues, not complaints.',
    `issue|${Y}`,
  );
  const areaLabels = [...new Set(d.serviceAreas.map((s) => s.label))].sort();
  // Every complaint has one service area, so the total row is the complaints received by procedure.
  const serviceAreas = byProc(
    'Service areas',
    `Complaints received in ${Y} by service area`,
    'Service area',
    areaLabels,
    d.serviceAreas,
    undefined,
    undefined,
    (_r, key) => `received|${Y}|${key === 'total' ? 'ALL' : key}`,
  );
  return { issues, serviceAreas };
}

function escalationsTable(x: Draft): ReportTable {
  const { d, Y, L, proc, last, make } = x;
  // ---- Stage 2, stage 3 and the Ombudsman ----
  const esc = (l: string, p: string) => d.escalations.find((e) => e.label === l && e.key === p)?.n ?? 0;
  const escalations = make({
    sheet: 'Stage 2, 3 and Ombudsman',
    title: `Stage 2 investigations, stage 3 review panels and Ombudsman cases, ${Y}`,
    columns: [
      label('Cases'),
      ...PROCEDURES.map((p) => count(p, proc(p))),
      total('total', `Total ${Y}`, PROCEDURES),
      count('last', `Total ${L}`),
      change('change', 'Change', 'last', 'total'),
    ],
    raw: ESCALATIONS.map((l) => {
      const t = sum(PROCEDURES, (p) => esc(l, p));
      const lastN = last(d.escalationsLastYear.find((e) => e.label === l)?.n ?? 0);
      return {
        label: l,
        ...Object.fromEntries(PROCEDURES.map((p) => [p, esc(l, p)])),
        total: t,
        last: lastN,
        change: minus(lastN, t),
      };
    }),
    note: 'Stage 2 and 3 count escalations received in the year; Ombudsman cases by the year the council was told of them, and decisions finding fault by the year decided. Stage 3 panels are part of the statutory procedure only.',
  });
  return escalations;
}

function commentAndComplimentTables(
  x: Draft,
  variant: Variant,
  commentsGrain: CommentsGrain,
): Pick<ComplaintsAnnualTables, 'comments' | 'compliments'> {
  const { d, Y, L } = x;
  // Public: possibly by service group, so the table is not a wall of "c" (protectedComplaintsAnnualTables chooses).
  const totalOnly = variant === 'public' && commentsGrain === 'all';
  const byGroup = variant === 'public' && commentsGrain === 'service group' && d.serviceGroups !== undefined;
  const groupOf = (area: string) => d.serviceGroups?.[area] ?? area;
  const commentCounts = byGroup ? mergeLabels(d.comments, groupOf) : d.comments;
  const groupsNote = byGroup
    ? ` Service groups: ${[...new Set(d.comments.map((c) => groupOf(c.label)))]
        .sort()
        .map(
          (g) =>
            `${g} (${[...new Set(d.comments.filter((c) => groupOf(c.label) === g).map((c) => c.label))].sort().join(', ')})`,
        )
        .join('; ')}.`
    : '';
  const comments = yearOnYear(
    x,
    'Comments',
    `Comments received${byGroup ? ' by service group' : ''}, ${Y} compared with ${L}`,
    byGroup ? 'Service group' : totalOnly ? 'All service areas' : 'Service area',
    commentCounts,
    `A comment is an issue raised without asking for a formal complaint; it is passed to the team manager for a response.${groupsNote}`,
    undefined,
    totalOnly,
  );
  const compliments = yearOnYear(
    x,
    'Compliments',
    `Compliments received by team, ${Y} compared with ${L}`,
    'Team',
    d.compliments,
  );
  return { comments, compliments };
}

function youngPeopleTable(x: Draft): ReportTable {
  const { Y, L, proc, py, sumOf, last, make, procAt, withTotal } = x;
  // ---- Complaints from young people ----
  const ypRow = (l: string, received: number, yp: number, ypLast: number | null) => ({
    label: l,
    received,
    yp,
    ypPct: ratio(yp, received),
    ypLast,
    change: minus(ypLast, yp),
  });
  const youngPeople = make({
    sheet: 'Young people',
    title: `Complaints made by children and young people, ${Y}`,
    columns: [
      label('Procedure'),
      count('received', `All complaints ${Y}`),
      count('yp', `From young people ${Y}`),
      pct('ypPct', '% from young people', 'yp', 'received'),
      count('ypLast', `From young people ${L}`),
      change('change', 'Change', 'ypLast', 'yp'),
    ],
    ...withTotal(
      PROCEDURES.map((p) =>
        ypRow(proc(p), py(Y, p).received, py(Y, p).fromYoungPeople, last(py(L, p).fromYoungPeople)),
      ),
      ypRow(
        'Total',
        sumOf(Y, (r) => r.received),
        sumOf(Y, (r) => r.fromYoungPeople),
        last(sumOf(L, (r) => r.fromYoungPeople)),
      ),
    ),
    ids: (row, key) =>
      key === 'received'
        ? `received|${Y}|${procAt(row)}`
        : key === 'yp'
          ? `yp|${Y}|${procAt(row)}`
          : key === 'ypLast'
            ? `yp|${L}|${procAt(row)}`
            : null,
  });
  return youngPeople;
}

function sendTables(x: Draft): Pick<ComplaintsAnnualTables, 'sendByYear' | 'sendIssues'> {
  const { d, Y, L, py, make } = x;
  // ---- SEND: outcomes and timeliness by year, and issues this year and last ----
  const sendYears = d.trend.map((y) => y.label);
  const sendByYear = make({
    sheet: 'SEND by year',
    title: 'SEND complaints: outcomes and response within 20 working days, by year received',
    columns: [
      ...outcomeColumns(label('Year')).filter((c) => !['upPct', 'partlyPct', 'notUpheldPct'].includes(c.key)),
      count('within20', 'Within 20 working days'),
      pct('within20Pct', '% within 20 working days', 'within20', 'received'),
    ],
    raw: sendYears.map((y) => {
      const r = py(y, 'SEND');
      return { ...outRow(y, (g) => g(r)), within20: r.within20, within20Pct: ratio(r.within20, r.received) };
    }),
    ids: (row, key) => ([...OUTCOME_KEYS, 'within20'].includes(key) ? `${key}|${sendYears[row]}|SEND` : null),
  });
  const sendIssueLabels = d.issueCategories.filter((c) => d.sendIssues.some((i) => i.label === c && i.n > 0));
  const sendIssues = yearOnYear(
    x,
    'SEND issues',
    `Issues raised in SEND complaints, ${Y} compared with ${L}`,
    'Area of complaint',
    d.sendIssues.filter((i) => sendIssueLabels.includes(i.label)),
    undefined,
    (year, l) => `issue|${year}|SEND|${l}`,
  );
  return { sendByYear, sendIssues };
}

function trendTables(x: Draft): Pick<ComplaintsAnnualTables, 'trendReceived' | 'trendMeasures'> {
  const { d, proc, py, sumOf, make } = x;
  // ---- Trend: complaints received by procedure per year, and the main measures per procedure per year ----
  const trendYears = d.trend.map((y) => y.label);
  const trendReceived = make({
    sheet: 'Trend received',
    title: `Complaints received by year (${trendYears.length === 1 ? trendYears[0] : `${trendYears[0]} to ${trendYears.at(-1)}`})`,
    columns: [label('Year'), ...PROCEDURES.map((p) => count(p, proc(p))), total('total', 'Total', PROCEDURES)],
    raw: trendYears.map((y) => ({
      label: y,
      ...Object.fromEntries(PROCEDURES.map((p) => [p, py(y, p).received])),
      total: sumOf(y, (r) => r.received),
    })),
    ids: (row, key) => `received|${trendYears[row]}|${key === 'total' ? 'ALL' : key}`,
  });
  const trendMeasures = make({
    sheet: 'Trend measures',
    title: 'Upheld or partly upheld, and responses within 10 and 20 working days, by procedure and year',
    columns: [
      label('Procedure', 'procedure'),
      label('Year'),
      count('received', 'Complaints received'),
      count('upOrPartly', 'Upheld or partly'),
      pct('upOrPartlyPct', '% upheld or partly', 'upOrPartly', 'received'),
      count('within10', 'Within 10 working days'),
      pct('within10Pct', '% within 10', 'within10', 'received'),
      count('within20', 'Within 20 working days'),
      pct('within20Pct', '% within 20', 'within20', 'received'),
    ],
    raw: PROCEDURES.flatMap((p) =>
      trendYears.map((y) => {
        const r = py(y, p);
        return {
          procedure: proc(p),
          label: y,
          received: r.received,
          upOrPartly: r.upheld + r.partly,
          upOrPartlyPct: ratio(r.upheld + r.partly, r.received),
          within10: r.within10,
          within10Pct: ratio(r.within10, r.received),
          within20: r.within20,
          within20Pct: ratio(r.within20, r.received),
        };
      }),
    ),
    ids: (row, key) =>
      `${key}|${trendYears[row % trendYears.length]}|${PROCEDURES[Math.floor(row / trendYears.length)]}`,
  });
  return { trendReceived, trendMeasures };
}

/** When the data holds fewer than four years, or its first year only in part, the trend tables say so. */
function noteShortTrend(x: Draft, tables: ComplaintsAnnualTables): void {
  const { d, startsLate } = x;
  const trendYears = d.trend.map((y) => y.label);
  const partFirst =
    d.trend[0] && startsLate(d.trend[0])
      ? ` ${d.trend[0].label} is only partly covered: the data starts on ${longDate(d.firstReceived)}.`
      : '';
  const fewer =
    trendYears.length < 4
      ? `The data holds ${trendYears.length} financial year${trendYears.length === 1 ? '' : 's'} (${trendYears.join(', ')}), so the trend shows ${trendYears.length === 1 ? 'it' : 'those'} rather than four.`
      : '';
  const notes = (fewer + partFirst).trim() || undefined;
  if (notes) {
    tables.trendReceived.note = notes;
    tables.trendMeasures.note = notes;
    tables.sendByYear.note = notes;
  }
}

/** Counts with their labels mapped (e.g. service area to group) and added up per new label and key. */
function mergeLabels(counts: readonly LabelCount[], to: (label: string) => string): LabelCount[] {
  const out = new Map<string, LabelCount>();
  for (const c of counts) {
    const label = to(c.label);
    const k = `${label}\u0000${c.key}`;
    out.set(k, { label, key: c.key, n: (out.get(k)?.n ?? 0) + c.n });
  }
  return [...out.values()];
}

/** The published tables as an outsider reads them: one disclosure model (shared figures are one cell). */
export const auditTables = (t: ComplaintsAnnualTables): AuditTable[] =>
  // Object.values of an interface is any[]: the cast names what each value is.
  (Object.values(t) as ReportTable[]).map((x) => ({
    name: x.sheet,
    spec: x.spec,
    raw: x.raw,
    shown: x.rows,
    ...(x.ids ? { ids: x.ids } : {}),
    rowName: (row: number) =>
      String(
        x.raw[row]?.procedure
          ? `${String(x.raw[row].procedure)} ${String(x.raw[row].label)}`
          : (x.raw[row]?.label ?? `row ${row + 1}`),
      ),
  }));

/**
 * The tables with suppression widened until the exact audit passes (public variant with a threshold), each
 * suppressed figure then consistent with at least `protection` values. Throws DisclosureError when it cannot.
 */
export async function protectedComplaintsAnnualTables(
  d: ComplaintsAnnualData,
  variant: Variant,
  threshold: number,
  protection: number,
  settings: CommentsGrainSettings = { grains: ['service area'], maxSuppressedShare: 1 },
): Promise<{ tables: ComplaintsAnnualTables; audit: AuditResult | null }> {
  if (variant !== 'public' || threshold <= 0)
    return { tables: complaintsAnnualTables(d, variant, threshold), audit: null };
  // The Comments table at the finest grain at which at most maxSuppressedShare of its figures are "c".
  const at = (grain: CommentsGrain) =>
    protect(
      (extra) => {
        const tables = complaintsAnnualTables(d, variant, threshold, extra, grain);
        return { published: tables, model: tablesModel(auditTables(tables)) };
      },
      protection,
      `Appendix 3 (${d.year.label}), public`,
    );
  const choice = await finestGrain(
    settings.grains,
    at,
    (r) => suppressedShare(r.published.comments.spec, r.published.comments.rows),
    settings.maxSuppressedShare,
  );
  const tables = choice.built.published;
  const note = grainNote(
    choice.tried,
    settings.maxSuppressedShare,
    (g) => (g === 'all' ? 'all service areas together' : g),
    'by service area',
  );
  if (note) tables.comments.note = `${tables.comments.note ?? ''} ${note}`.trim();
  return { tables, audit: choice.built.audit };
}

/** Names a figure that may appear in more than one table, e.g. "received|2019/20|STAT"; null for one that does not. */
type FigureIds = (row: number, key: string) => string | null;

const OUTCOME_KEYS = ['received', 'upheld', 'partly', 'upOrPartly', 'notUpheld', 'other'];

/**
 * Suppress every table so that a figure hidden in one is hidden wherever else it appears: otherwise a figure
 * hidden in one table only to protect a small one (secondary suppression) could be read from another table,
 * undoing the protection. Repeats until no table hides anything new, then publishes each table.
 */
function publishLinked(
  tables: ReportTable[],
  ids: Map<ReportTable, FigureIds>,
  variant: Variant,
  threshold: number,
  extra: ReadonlySet<string>,
): void {
  const limit = variant === 'public' ? threshold : 0;
  const hiddenIds = new Set<string>(limit > 0 ? extra : []);
  const counts = (t: ReportTable) =>
    t.spec.columns.filter((c) => c.kind === 'count' || c.kind === 'total').map((c) => c.key);
  // A cell's id is its shared figure id, else sheet|row|key (as in the disclosure model).
  const idAt = (t: ReportTable, row: number, key: string) => ids.get(t)?.(row, key) ?? `${t.sheet}|${row}|${key}`;
  const forced = (t: ReportTable): CellRef[] => {
    if (limit <= 0) return [];
    return t.raw.flatMap((_, row) =>
      counts(t)
        .filter((key) => hiddenIds.has(idAt(t, row, key)))
        .map((key) => ({ row, key })),
    );
  };
  for (let grew = limit > 0; grew;) {
    const before = hiddenIds.size;
    for (const t of tables) {
      const { hidden } = suppress(t.spec, t.raw, limit, forced(t));
      hidden.forEach((keys, row) => {
        for (const key of keys) if (counts(t).includes(key)) hiddenIds.add(idAt(t, row, key));
      });
    }
    grew = hiddenIds.size > before;
  }
  for (const t of tables) t.rows = publishRows(t.spec, t.raw, variant, threshold, forced(t));
}

/** A figure for a chart: suppressed and missing figures are left out rather than drawn as zero. */
export const plotted = (v: unknown): number | null => (typeof v === 'number' ? v : null);
