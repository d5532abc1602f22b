// What the return-readiness report shows, read from the validation marts: the DfE rules' open errors by rule and
// their trend, the child-level list, what is new and what was fixed since the last run, and whether the rules ran.
import type { Warehouse } from '../../core/warehouse.js';
import { NoDataError } from '../lib/appendix.js';

export interface ReturnStatus {
  returnName: string;
  collectionYear: string;
  returnSet: string;
  status: string;
  reason: string | null;
  ruleset: string | null;
  runId: string;
  open: number | null;
}

export interface RuleRow {
  returnName: string;
  collectionYear: string;
  ruleCode: string;
  message: string;
  open: number;
  newSinceLastRun: number;
  fixedSinceLastRun: number;
  firstSeen: string;
  openWhenFirstSeen: number;
  /** Open now less open on the first night the rule was broken. */
  changeSinceFirstSeen: number;
}

export interface FindingRow {
  childId: string;
  returnName: string;
  collectionYear: string;
  ruleCode: string;
  message: string;
  table: string;
  fieldsAndValues: string;
  file: string;
  line: number | null;
  firstSeen: string;
  isNew: boolean;
  inFigures: boolean;
  fixedAt?: string;
}

export interface ReadinessData {
  dataAsAt: string;
  statuses: ReturnStatus[];
  byRule: RuleRow[];
  open: FindingRow[];
  newSinceLastRun: FindingRow[];
  fixedSinceLastRun: FindingRow[];
  rules: { returnName: string; ruleset: string; ruleCode: string; message: string }[];
}

const day = (v: unknown) => (v ? String(v).slice(0, 10) : '');

export async function loadReadiness(db: Warehouse): Promise<ReadinessData> {
  const asAt = await db.json<{ as_at: string | null }>(
    `select max(data_as_at)::varchar as as_at from marts.meta_data_as_at where source like 'ssda903.%' or source like 'cin_census.%'`,
  );
  const dataAsAt = asAt[0]?.as_at;
  if (!dataAsAt) throw new NoDataError('no SSDA903 or CIN census has been landed, so there is nothing to validate');
  // The latest run that tried each return: validated, or "not run" and why.
  const statuses = (
    await db.json<Record<string, unknown>>(
      `with last as (select max(run_id) as run_id from validation.runs)
       select case r.return_type when 'ssda903' then 'SSDA903' else 'CIN census' end as return_name,
              coalesce((r.collection_year - 1)::varchar || '/' || right(r.collection_year::varchar, 2), 'not known') as collection_year,
              r.return_set, r.status, r.reason, r.ruleset, r.run_id, r.open_findings::integer as open
       from validation.runs r join last using (run_id) order by all`,
    )
  ).map((r) => ({
    returnName: String(r.return_name),
    collectionYear: String(r.collection_year),
    returnSet: String(r.return_set),
    status: String(r.status),
    reason: (r.reason as string) ?? null,
    ruleset: (r.ruleset as string) ?? null,
    runId: String(r.run_id),
    open: (r.open as number) ?? null,
  }));

  const byRule = (
    await db.json<Record<string, unknown>>(
      `with f as (select * from marts.fct_return_validation),
       first_night as (
         select return_type, collection_year, rule_code, min(validated_at) as first_seen,
                arg_min(open_findings, validated_at) as open_when_first_seen
         from marts.fct_return_validation_by_rule where open_findings > 0 group by all)
       select f.return_name, f.collection_year_label, f.rule_code, any_value(f.rule_message) as message,
              count(*) filter (where f.status = 'open')::integer as open,
              count(*) filter (where f.is_new_since_last_run)::integer as new_since,
              count(*) filter (where f.is_fixed_since_last_run)::integer as fixed_since,
              coalesce(fn.first_seen, min(f.first_seen_at))::varchar as first_seen,
              coalesce(fn.open_when_first_seen, 0)::integer as open_when_first_seen
       from f left join first_night fn using (return_type, collection_year, rule_code)
       where f.status = 'open' or f.is_fixed_since_last_run
       group by f.return_name, f.collection_year_label, f.return_type, f.collection_year, f.rule_code, fn.first_seen, fn.open_when_first_seen
       order by open desc, f.return_name, f.rule_code`,
    )
  ).map((r) => ({
    returnName: String(r.return_name),
    collectionYear: String(r.collection_year_label),
    ruleCode: String(r.rule_code),
    message: String(r.message ?? ''),
    open: Number(r.open),
    newSinceLastRun: Number(r.new_since),
    fixedSinceLastRun: Number(r.fixed_since),
    firstSeen: day(r.first_seen),
    openWhenFirstSeen: Number(r.open_when_first_seen),
    changeSinceFirstSeen: Number(r.open) - Number(r.open_when_first_seen),
  }));

  const findings = async (where: string): Promise<FindingRow[]> =>
    (
      await db.json<Record<string, unknown>>(
        `select coalesce(v.child_id, '(the return)') as child_id, return_name, collection_year_label, f.rule_code, rule_message, coalesce(f.table_name, '') as table_name,
                array_to_string(list_transform(list_zip(v.fields, v.field_values), x -> x[1] || ' = ' || coalesce(x[2], '(blank)')), '; ') as fav, coalesce(regexp_replace(f.source_file, '#.*$', ''), '') as file, f.line_number, first_seen_at::varchar as first_seen,
                is_new_since_last_run, not is_contract_reject as in_figures, fixed_at::varchar as fixed_at
         from marts.fct_return_validation f join validation.findings v using (finding_key) where ${where}
         -- A team manager works child by child: each child's errors together, in rule order.
         order by v.child_id nulls first, return_name, collection_year_label, rule_code, file, f.line_number`,
      )
    ).map((r) => ({
      childId: String(r.child_id),
      returnName: String(r.return_name),
      collectionYear: String(r.collection_year_label),
      ruleCode: String(r.rule_code),
      message: String(r.rule_message ?? ''),
      table: String(r.table_name),
      fieldsAndValues: String(r.fav),
      file: String(r.file),
      line: (r.line_number as number) ?? null,
      firstSeen: day(r.first_seen),
      isNew: r.is_new_since_last_run === true,
      inFigures: r.in_figures === true,
      ...(r.fixed_at ? { fixedAt: day(r.fixed_at) } : {}),
    }));

  const rules = (
    await db.json<Record<string, unknown>>(
      `select distinct return_name, ruleset, rule_code, rule_message from marts.fct_return_validation
       where status = 'open' or is_fixed_since_last_run order by return_name, ruleset, rule_code`,
    )
  ).map((r) => ({
    returnName: String(r.return_name),
    ruleset: String(r.ruleset),
    ruleCode: String(r.rule_code),
    message: String(r.rule_message ?? ''),
  }));

  return {
    dataAsAt,
    statuses,
    byRule,
    open: await findings(`status = 'open'`),
    newSinceLastRun: await findings('is_new_since_last_run'),
    fixedSinceLastRun: await findings('is_fixed_since_last_run'),
    rules,
  };
}
