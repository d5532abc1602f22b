-- Every month end the data covers (to the data-as-at date): the dates that
-- snapshot measures (caseloads, supervision, plans open 9+ months, care leavers) are counted at.
select
    d.date_day as month_end,
    d.month_start,
    d.financial_year,
    d.financial_quarter
from {{ ref('dim_date') }} d
where d.date_day = last_day(d.date_day)
-- From the earliest allocation; a council sending only statutory returns has none, so then from its
-- earliest care-leaver record or episode of care.
and d.date_day >= coalesce(
    (select min(start_date) from {{ ref('int_case_allocations') }}),
    (select min(contact_date) from {{ ref('int_care_leaver_contacts') }}),
    (select min(start_date) from {{ ref('int_cla_episodes') }})
)
and d.date_day <= {{ as_at_date() }}
