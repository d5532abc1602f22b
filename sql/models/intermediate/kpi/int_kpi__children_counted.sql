-- The children behind each "distinct" count measure (seeds/kpi_definitions.csv aggregation = distinct), by month:
-- kpi_monthly counts each child once over a quarter or a year from these, where adding up the months would count a
-- child twice (missing in two months; two periods of care starting in one year).
select 'children_missing' as measure_id, start_month as month_start, child_key
from {{ ref('fct_missing_episodes') }}
where is_missing

union all

select 'children_starting_care', cast(date_trunc('month', period_start) as date), {{ pseudonym_key("'child:' || child_id") }}
from {{ ref('int_cla_periods_of_care') }}
where not is_short_breaks_only
