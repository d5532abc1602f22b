-- One row per DfE validation finding, open or fixed: which child breaks which rule of which return, with the
-- fields the rule looked at and the file row. A finding never removes its row from the figures: a row
-- the warehouse cannot read is a contract reject (raw._rejects), and is_contract_reject says when a row is both.
-- The child is its pseudonymous key here and the values are left out (marts identify no one); the restricted
-- return-readiness report prints both from validation.findings.
with findings as (
    select * from {{ source('validation', 'findings') }}
),

runs as (
    select run_id, min(validated_at) as validated_at
    from {{ source('validation', 'runs') }}
    group by run_id
),

latest as (
    -- The latest run that validated each return and year: "new since the last run" and "fixed since the last run" are its.
    select return_type, collection_year, max(run_id) as run_id
    from {{ source('validation', 'runs') }}
    where status = 'validated'
    group by all
),

rejects as (
    select distinct source_file, line_number
    from {{ source('landing', 'rejects') }}
)

select
    f.finding_key,
    f.return_type,
    case f.return_type when 'ssda903' then 'SSDA903' when 'cin_census' then 'CIN census' end as return_name,
    f.collection_year,
    (f.collection_year - 1)::varchar || '/' || right(f.collection_year::varchar, 2) as collection_year_label,
    f.return_set,
    f.ruleset,
    f.rule_code,
    r.message as rule_message,
    -- Marts carry pseudonymous keys only (joins dim_child); the child's ID itself stays in validation.findings.
    {{ pseudonym_key("'child:' || f.child_id") }} as child_key,
    f.table_name,
    -- The values themselves (a date of birth, a UPN, a postcode) stay in validation.findings, like the child's ID.
    f.fields,
    f.source_file,
    f.line_number,
    f.row_index,
    f.first_seen_run,
    first_seen.validated_at as first_seen_at,
    f.last_seen_run,
    f.fixed_run,
    fixed.validated_at as fixed_at,
    case when f.fixed_run is null then 'open' else 'fixed' end as status,
    f.fixed_run is null and f.first_seen_run = l.run_id as is_new_since_last_run,
    f.fixed_run is not null and f.fixed_run = l.run_id as is_fixed_since_last_run,
    rj.source_file is not null as is_contract_reject
from findings f
left join {{ source('validation', 'rules') }} r on r.ruleset = f.ruleset and r.rule_code = f.rule_code
left join runs first_seen on first_seen.run_id = f.first_seen_run
left join runs fixed on fixed.run_id = f.fixed_run
left join latest l on l.return_type = f.return_type and l.collection_year = f.collection_year
left join rejects rj on rj.source_file = f.source_file and rj.line_number = f.line_number
