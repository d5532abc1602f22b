-- Monthly numerators and denominators for front-door KPIs (see seeds/kpi_definitions.csv). Only contacts from a
-- source that records decisions count: from Annex A alone there is no decision timeliness, so no figure (not 0%).
select
    'contacts_decided_within_1_wd' as measure_id,
    month_start,
    cast(count(*) filter (where is_decided_within_1_working_day) as double) as numerator,
    cast(count(*) as double) as denominator
from {{ ref('fct_contacts') }}
where is_decided_within_1_working_day is not null
group by month_start
