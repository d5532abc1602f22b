// Figures for the Complaints, Comments and Compliments annual report, read from the marts. No formatting here:
// every figure is a plain count keyed by financial year, so tables.ts can shape and suppress them.
import type { IsoDate } from '../../core/calendar/dates.js';
import type { Warehouse } from '../../core/warehouse.js';
import { loadServiceGroups } from '../lib/service-groups.js';
import { annualPeriod, coversYear, NoDataError, type FinancialYear } from './period.js';

export { NoDataError };

export const PROCEDURES = ['STAT', 'CORP', 'SEND'] as const;
export type Procedure = (typeof PROCEDURES)[number];

/** Stage 1 complaints (complaints "received") of one procedure in one financial year. */
export interface ProcedureYear {
  year: string;
  procedure: Procedure;
  received: number;
  upheld: number;
  partly: number;
  notUpheld: number;
  /** Withdrawn, or not yet answered when the export was taken. */
  withdrawnOrOpen: number;
  within10: number;
  within20: number;
  fromYoungPeople: number;
}

/** A count by a label (service area, issue category, team) and procedure, or by label and year. */
export type LabelCount = {
  label: string;
  key: string;
  n: number;
};

export interface ComplaintsAnnualData {
  year: FinancialYear;
  previous: FinancialYear;
  trend: FinancialYear[];
  /** The first complaint in the data: when it falls inside a year shown, that year is only partly covered. */
  firstReceived: IsoDate;
  /** Whether the data reaches back to the start of the previous year (otherwise "last year" is not shown). */
  hasPrevious: boolean;
  dataAsAt: string;
  procedureLabels: Record<Procedure, string>;
  /** Every trend year (and the previous year) by procedure; zeros where nothing was received. */
  byProcedureYear: ProcedureYear[];
  /** Stage 1 complaints received in the year by service area (label) and procedure (key). */
  serviceAreas: LabelCount[];
  /** Issues raised in stage 1 complaints received in the year, by category (label, seed order) and procedure (key). */
  issues: LabelCount[];
  /** Issue categories in the seed's order. */
  issueCategories: string[];
  /** SEND issues by category (label) and year label (key), this year and last. */
  sendIssues: LabelCount[];
  /** Stage 2 and 3 records and Ombudsman cases received, by kind (label) and procedure (key), this year. */
  escalations: LabelCount[];
  /** The same by kind (label) for last year, all procedures (key 'ALL'). */
  escalationsLastYear: LabelCount[];
  /** Comments received by service area (label) and year label (key), this year and last. */
  comments: LabelCount[];
  /** Each service area's group (seed service_area_groups), for a coarser public Comments table. */
  serviceGroups?: Record<string, string>;
  /** Compliments received by team (label) and year label (key), this year and last. */
  compliments: LabelCount[];
}

export const ESCALATIONS = [
  'Stage 2 investigations',
  'Stage 3 review panels',
  'Ombudsman cases received',
  'Ombudsman decisions finding fault',
] as const;

export async function loadComplaintsAnnual(
  db: Warehouse,
  opts: { periodEnd?: IsoDate; trendYears: number },
): Promise<ComplaintsAnnualData> {
  const asAt = await db.json<{ data_as_at: string }>(
    `SELECT strftime(data_as_at, '%Y-%m-%dT%H:%M:%SZ') AS data_as_at FROM marts.meta_data_as_at WHERE source = 'complaints.complaints'`,
  );
  const first = await db.json<{ first: string | null }>(
    `SELECT strftime(min(received_date), '%Y-%m-%d') AS first FROM marts.fct_complaints`,
  );
  const dataAsAt = asAt[0]?.data_as_at;
  const firstReceived = first[0]?.first;
  if (!dataAsAt || !firstReceived)
    throw new NoDataError(
      'no complaints have been landed yet: run `csp run` (or `csp extract` then `csp transform`) with a complaints export first.',
    );
  const { year, previous, trend } = annualPeriod({
    dataAsAtDate: dataAsAt.slice(0, 10),
    periodEnd: opts.periodEnd,
    firstReceived,
    trendYears: opts.trendYears,
  });
  const hasPrevious = coversYear(firstReceived, previous);
  const years = [...new Set([previous.label, ...trend.map((y) => y.label)])];

  const labels = await db.json<{ procedure_code: Procedure; procedure_label: string }>(
    `SELECT procedure_code, procedure_label FROM reference.complaint_procedures`,
  );
  const procedureLabels = Object.fromEntries(
    PROCEDURES.map((p) => [p, labels.find((l) => l.procedure_code === p)?.procedure_label ?? p]),
  ) as Record<Procedure, string>;

  const counted = await db.json<Omit<ProcedureYear, 'procedure'> & { procedure: string }>(
    `WITH grid AS (SELECT y.year, p.procedure FROM (VALUES ${years.map((y) => `('${y}')`).join(', ')}) y(year) CROSS JOIN (VALUES ('STAT'), ('CORP'), ('SEND')) p(procedure))
     SELECT g.year, g.procedure,
            count(c.complaint_key)::INTEGER AS received,
            count(c.complaint_key) FILTER (WHERE c.outcome_code = 'UP')::INTEGER AS upheld,
            count(c.complaint_key) FILTER (WHERE c.outcome_code = 'PU')::INTEGER AS partly,
            count(c.complaint_key) FILTER (WHERE c.outcome_code = 'NU')::INTEGER AS "notUpheld",
            count(c.complaint_key) FILTER (WHERE c.outcome_code IS NULL OR c.outcome_code NOT IN ('UP', 'PU', 'NU'))::INTEGER AS "withdrawnOrOpen",
            count(c.complaint_key) FILTER (WHERE c.is_within_10_working_days)::INTEGER AS within10,
            count(c.complaint_key) FILTER (WHERE c.is_within_20_working_days)::INTEGER AS within20,
            count(c.complaint_key) FILTER (WHERE c.is_from_young_person)::INTEGER AS "fromYoungPeople"
     FROM grid g LEFT JOIN marts.fct_complaints c ON c.received_financial_year = g.year AND c.procedure_code = g.procedure AND c.stage = 1
     GROUP BY g.year, g.procedure`,
  );
  const byProcedureYear = counted.map((r) => ({ ...r, procedure: r.procedure as Procedure }));

  const serviceAreas = await db.json<LabelCount>(
    `SELECT service_area AS label, procedure_code AS key, count(*)::INTEGER AS n
     FROM marts.fct_complaints WHERE stage = 1 AND received_financial_year = ? GROUP BY ALL ORDER BY label`,
    [year.label],
  );

  const categories = await db.json<{ category_code: string; category_label: string }>(
    `SELECT category_code, category_label FROM reference.complaint_issue_categories ORDER BY sort_order`,
  );
  const labelOf = new Map(categories.map((c) => [c.category_code, c.category_label]));
  // One issue per category per complaint record (the mart lists each complaint's categories once).
  const issueRows = await db.json<{ code: string; procedure_code: string; year: string; n: number }>(
    `SELECT trim(code) AS code, procedure_code, received_financial_year AS year, count(*)::INTEGER AS n
     FROM marts.fct_complaints, unnest(string_split(issue_category_codes, ',')) AS t(code)
     WHERE stage = 1 AND issue_category_codes IS NOT NULL AND received_financial_year IN (?, ?)
     GROUP BY ALL`,
    [year.label, previous.label],
  );
  const category = (code: string) => labelOf.get(code) ?? code;
  const issues = issueRows
    .filter((r) => r.year === year.label)
    .map((r) => ({ label: category(r.code), key: r.procedure_code, n: r.n }));
  const sendIssues = issueRows
    .filter((r) => r.procedure_code === 'SEND')
    .map((r) => ({ label: category(r.code), key: r.year, n: r.n }));
  const issueCategories = [
    ...categories.map((c) => c.category_label),
    ...[...new Set(issueRows.map((r) => category(r.code)))].filter(
      (l) => !categories.some((c) => c.category_label === l),
    ),
  ];

  const escalationRows = await db.json<{ label: string; key: string; year: string; n: number }>(
    `SELECT CASE stage WHEN 2 THEN '${ESCALATIONS[0]}' ELSE '${ESCALATIONS[1]}' END AS label, procedure_code AS key, received_financial_year AS year, count(*)::INTEGER AS n
     FROM marts.fct_complaints WHERE stage IN (2, 3) AND received_financial_year IN (?, ?) GROUP BY ALL
     UNION ALL
     SELECT '${ESCALATIONS[2]}', procedure_code, received_financial_year, count(*)::INTEGER
     FROM marts.fct_ombudsman_cases WHERE received_financial_year IN (?, ?) GROUP BY ALL
     UNION ALL
     SELECT '${ESCALATIONS[3]}', procedure_code, decision_financial_year, count(*)::INTEGER
     FROM marts.fct_ombudsman_cases WHERE is_fault_found AND decision_financial_year IN (?, ?) GROUP BY ALL`,
    [year.label, previous.label, year.label, previous.label, year.label, previous.label],
  );
  const escalations = escalationRows
    .filter((r) => r.year === year.label)
    .map(({ label, key, n }) => ({ label, key, n }));
  const escalationsLastYear = ESCALATIONS.map((label) => ({
    label,
    key: 'ALL',
    n: escalationRows.filter((r) => r.year === previous.label && r.label === label).reduce((s, r) => s + r.n, 0),
  }));

  const comments = await db.json<LabelCount>(
    `SELECT service_area AS label, received_financial_year AS key, count(*)::INTEGER AS n
     FROM marts.fct_comments WHERE received_financial_year IN (?, ?) GROUP BY ALL ORDER BY label`,
    [year.label, previous.label],
  );
  const compliments = await db.json<LabelCount>(
    `SELECT team AS label, received_financial_year AS key, count(*)::INTEGER AS n
     FROM marts.fct_compliments WHERE received_financial_year IN (?, ?) GROUP BY ALL ORDER BY label`,
    [year.label, previous.label],
  );

  const serviceGroups = await loadServiceGroups(db);
  return {
    year,
    previous,
    trend,
    firstReceived,
    hasPrevious,
    dataAsAt,
    procedureLabels,
    byProcedureYear,
    serviceAreas,
    issues,
    issueCategories,
    sendIssues,
    escalations,
    escalationsLastYear,
    comments,
    compliments,
    serviceGroups,
  };
}
