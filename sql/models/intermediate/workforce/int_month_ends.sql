-- Every month end the data covers (from the earliest allocation to the data-as-at date): the dates that
-- snapshot measures (caseloads, supervision, plans open 9+ months, care leavers) are counted at.
select
    d.date_day as month_end,
    d.month_start,
    d.financial_year,
    d.financial_quarter
from {{ ref('dim_date') }} d
where d.date_day = last_day(d.date_day)
  and d.date_day >= (select min(start_date) from {{ ref('stg_case_management__case_allocations') }})
  and d.date_day <= {{ as_at_date() }}
