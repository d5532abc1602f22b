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

union all

-- Initial conferences held in the month within 15 working days of the strategy discussion that started the S47
-- (its start date in every source: the CIN census's S47ActualStartDate, Annex A's strategy discussion date).
select
    'icpc_within_15_wd',
    cast(date_trunc('month', icpc_date) as date),
    cast(count(*) filter (where working_days <= 15) as double),
    cast(count(*) as double)
from (
    select icpc_date, {{ working_days_between('start_date', 'icpc_date') }} as working_days
    from {{ ref('int_s47_enquiries') }}
    where icpc_date is not null
)
group by 2
