-- One row per special guardianship assessment, with whether it is still in progress at the data-as-at date.
select
    {{ pseudonym_key("'sgo:' || s.sgo_assessment_id") }} as sgo_assessment_key,
    {{ pseudonym_key("'child:' || s.child_id") }} as child_key,
    s.start_date,
    s.completed_date,
    s.completed_date is null as is_in_progress,
    coalesce(s.completed_date, {{ as_at_date() }}) - s.start_date as duration_days,
    cast(date_trunc('month', s.start_date) as date) as start_month
from {{ ref('stg_case_management__sgo_assessments') }} s
