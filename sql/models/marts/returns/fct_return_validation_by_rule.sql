-- The nightly summary by rule: for each run that validated a return, each rule's open, new and fixed findings,
-- so the trend since a rule was first broken can be followed night by night.
with counts as (
    select * from {{ source('validation', 'rule_counts') }}
),

runs as (
    select run_id, return_type, collection_year, max(ruleset) as ruleset, min(validated_at) as validated_at
    from {{ source('validation', 'runs') }}
    where status = 'validated'
    group by all
)

select
    c.run_id as validation_run,
    runs.validated_at,
    c.return_type,
    c.collection_year,
    runs.ruleset,
    c.rule_code,
    r.message as rule_message,
    c.open_findings,
    c.new_findings,
    c.fixed_findings,
    min(runs.validated_at) over (partition by c.return_type, c.collection_year, c.rule_code) as rule_first_seen_at
from counts c
join runs on runs.run_id = c.run_id and runs.return_type = c.return_type and runs.collection_year = c.collection_year
left join {{ source('validation', 'rules') }} r on r.ruleset = runs.ruleset and r.rule_code = c.rule_code
