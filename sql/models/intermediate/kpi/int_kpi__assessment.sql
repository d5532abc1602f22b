-- Monthly numerators and denominators for assessment and referral KPIs (see seeds/kpi_definitions.csv).
select
    'assessments_within_45_wd' as measure_id,
    authorised_month as month_start,
    cast(count(*) filter (where is_authorised_within_45_working_days) as double) as numerator,
    cast(count(*) as double) as denominator
from {{ ref('fct_assessments') }}
where is_authorised
group by authorised_month

union all

select
    're_referrals_12_months',
    month_start,
    cast(count(*) filter (where is_re_referral_within_12_months) as double),
    cast(count(*) as double)
from {{ ref('fct_referrals') }}
group by month_start
