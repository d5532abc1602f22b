-- One row per assessment, with working days from its start to authorisation and whether that was within 45.
with assessments as (
    select * from {{ ref('int_assessments') }}
)

select
    {{ pseudonym_key("'assessment:' || a.assessment_id") }} as assessment_key,
    {{ pseudonym_key("'child:' || a.child_id") }} as child_key,
    case when a.referral_id is not null then {{ pseudonym_key("'referral:' || a.referral_id") }} end as referral_key,
    a.start_date,
    a.authorised_date,
    {{ working_days_between('a.start_date', 'a.authorised_date') }} as working_days_to_authorisation,
    a.authorised_date is not null as is_authorised,
    coalesce({{ working_days_between('a.start_date', 'a.authorised_date') }} <= 45, false) as is_authorised_within_45_working_days,
    auth.month_start as authorised_month,
    auth.financial_year as authorised_financial_year,
    auth.financial_quarter as authorised_financial_quarter,
    a.outcome_code,
    o.label as outcome,
    a.team
from assessments a
left join {{ ref('dim_date') }} auth on auth.date_day = a.authorised_date
left join {{ ref('assessment_outcomes') }} o on o.code = a.outcome_code
