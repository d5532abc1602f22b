-- Monthly numerators and denominators for the complaints KPIs (see seeds/kpi_definitions.csv). Both count stage 1
-- complaint records in the month their response was sent ("answered in the period").
--   complaints_responded_in_time: answered within their timescale / all answered (withdrawn ones included when a
--     response was sent; those withdrawn before any response have no response date, so are not "answered").
--   complaints_upheld: upheld or partly upheld / answered with an outcome other than withdrawn.
with answered as (
    select * from {{ ref('fct_complaints') }}
    where stage = 1 and is_responded
)

select
    cast('complaints_responded_in_time' as varchar) as measure_id,
    response_month as month_start,
    cast(count(*) filter (where is_within_timescale) as double) as numerator,
    cast(count(*) as double) as denominator
from answered
group by response_month

union all

select
    'complaints_upheld',
    response_month,
    cast(count(*) filter (where is_upheld_or_partly) as double),
    cast(count(*) as double)
from answered
where outcome_code is not null and not is_withdrawn
group by response_month
