-- Monthly numerators and denominators for child protection KPIs (see seeds/kpi_definitions.csv).
with month_ends as (
    select month_start, month_end from {{ ref('int_month_ends') }}
)

select
    'core_groups_in_timescale' as measure_id,
    cast(date_trunc('month', meeting_date) as date) as month_start,
    cast(count(*) filter (where is_within_timescale) as double) as numerator,
    cast(count(*) as double) as denominator
from {{ ref('int_cp_core_groups_timed') }}
group by 2

union all

-- Snapshot: plans open at each month end, and those open 9 months or more by then.
select
    'cp_plans_9_months_plus',
    m.month_start,
    cast(count(p.cp_plan_key) filter (where p.open_9_months_from <= m.month_end) as double),
    cast(count(p.cp_plan_key) as double)
from month_ends m
left join {{ ref('fct_cp_plans') }} p on p.start_date <= m.month_end and (p.end_date is null or p.end_date > m.month_end)
group by m.month_start

union all

select
    'cp_repeat_plans',
    start_month,
    cast(count(*) filter (where is_repeat_plan) as double),
    cast(count(*) as double)
from {{ ref('fct_cp_plans') }}
group by start_month
