-- Monthly numerators and denominators for permanence and care-leaver KPIs (see seeds/kpi_definitions.csv).
select
    'permanence_plan_by_2nd_review' as measure_id,
    second_review_month as month_start,
    cast(count(*) filter (where has_plan_by_second_review) as double) as numerator,
    cast(count(*) as double) as denominator
from {{ ref('fct_permanency') }}
where second_review_month is not null and has_plan_by_second_review is not null
group by second_review_month

union all

select
    'care_leavers_19_21_eet', month_start,
    cast(count(*) filter (where is_aged_19_21 and activity_status = 'EET') as double),
    cast(count(*) filter (where is_aged_19_21) as double)
from {{ ref('fct_care_leaver_eet') }}
where not is_dfe_excluded
group by month_start

union all

-- 19-25: those aged 22 and over count while still supported (a contact in the last 12 months).
select
    'care_leavers_19_25_eet', month_start,
    cast(count(*) filter (where is_aged_19_25 and (age <= 21 or has_contact_in_last_12_months) and activity_status = 'EET') as double),
    cast(count(*) filter (where is_aged_19_25 and (age <= 21 or has_contact_in_last_12_months)) as double)
from {{ ref('fct_care_leaver_eet') }}
where not is_dfe_excluded
group by month_start

union all

select
    'care_leavers_16_18_neet', month_start,
    cast(count(*) filter (where is_aged_16_18 and activity_status = 'NEET') as double),
    cast(count(*) filter (where is_aged_16_18) as double)
from {{ ref('fct_care_leaver_eet') }}
where not is_dfe_excluded
group by month_start

union all

-- Counts (no denominator): SGO assessments under way at each month end; children moving in with adopters.
-- Only the case-management export records SGO assessments: with none landed (e.g. returns only) there is no
-- figure, not 0.
select
    'sgo_assessments_in_progress', m.month_start,
    cast(count(s.sgo_assessment_key) as double),
    cast(null as double)
from {{ ref('int_month_ends') }} m
left join {{ ref('fct_sgo_assessments') }} s on s.start_date <= m.month_end and (s.completed_date is null or s.completed_date > m.month_end)
where exists (select 1 from {{ ref('stg_case_management__sgo_assessments') }})
group by m.month_start

union all

select
    'children_placed_for_adoption', m.month_start,
    cast(count(p.period_of_care_key) as double),
    cast(null as double)
from {{ ref('int_month_ends') }} m
left join {{ ref('fct_permanency') }} p on date_trunc('month', p.placed_for_adoption_date) = m.month_start
group by m.month_start

union all

-- CLA reviews held in the month against their timescale (int_cla_reviews_timed), overall and by timescale; a review
-- whose number is not known (records start after the child came into care) counts in neither.
select
    'cla_reviews_on_time', cast(date_trunc('month', review_date) as date),
    cast(count(*) filter (where is_on_time) as double),
    cast(count(*) as double)
from {{ ref('int_cla_reviews_timed') }}
where is_on_time is not null
group by 2

union all

select
    case timescale when 'first' then 'cla_first_reviews_on_time' when 'second' then 'cla_second_reviews_on_time' else 'cla_later_reviews_on_time' end,
    cast(date_trunc('month', review_date) as date),
    cast(count(*) filter (where is_on_time) as double),
    cast(count(*) as double)
from {{ ref('int_cla_reviews_timed') }}
where is_on_time is not null
group by 1, 2

union all

-- Counts: children looked after at each month end (short-break-only care excluded, as the DfE counts them) and
-- children starting care in the month, each child once (int_kpi__children_counted). From the periods of care
-- themselves, so care that began before dim_date's first year still counts.
select
    'children_looked_after', m.month_start,
    cast(count(distinct p.child_id) as double),
    cast(null as double)
from {{ ref('int_month_ends') }} m
left join {{ ref('int_cla_periods_of_care') }} p
    on not p.is_short_breaks_only and p.period_start <= m.month_end and (p.period_end is null or p.period_end > m.month_end)
group by m.month_start

union all

select
    'children_starting_care', m.month_start,
    cast(count(distinct c.child_key) as double),
    cast(null as double)
from {{ ref('int_month_ends') }} m
left join {{ ref('int_kpi__children_counted') }} c on c.measure_id = 'children_starting_care' and c.month_start = m.month_start
group by m.month_start
