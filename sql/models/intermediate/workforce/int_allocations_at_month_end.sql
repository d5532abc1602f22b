-- Which worker held each open case at each month end.
select
    m.month_end,
    m.month_start,
    m.financial_year,
    m.financial_quarter,
    a.child_id,
    a.worker_id,
    a.team,
    a.start_date as allocated_from,
    a.record_source
from {{ ref('int_month_ends') }} m
join {{ ref('int_case_allocations') }} a
    on a.start_date <= m.month_end and (a.end_date is null or a.end_date > m.month_end)
