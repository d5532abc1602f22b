-- Monthly numerators and denominators for supervision and workforce KPIs (see seeds/kpi_definitions.csv).
select
    'supervision_within_interval' as measure_id,
    month_start,
    cast(count(*) filter (where is_due and is_supervised_within_interval) as double) as numerator,
    cast(count(*) filter (where is_due) as double) as denominator
from {{ ref('fct_supervision') }}
group by month_start

union all

-- DfE caseload: cases held by case-holding social workers / FTE of those holding at least one case.
select
    'average_caseload',
    month_start,
    -- No one holding cases: 0 cases over no FTE, so the value is null rather than a false 0.
    cast(coalesce(sum(open_cases) filter (where is_case_holding_role and open_cases > 0), 0) as double),
    sum(fte) filter (where is_case_holding_role and open_cases > 0)
from {{ ref('fct_caseloads') }}
group by month_start

union all

select
    'permanent_workforce',
    month_start,
    cast(count(*) filter (where is_case_holding_role and is_permanent) as double),
    cast(count(*) filter (where is_case_holding_role) as double)
from {{ ref('fct_caseloads') }}
group by month_start
