-- For flow measures a quarter's and a year's numerator and denominator are the sums of their months'.
with months as (
    select k.measure_id, k.period_start, k.numerator, k.denominator, d.financial_year, d.financial_quarter
    from {{ ref('kpi_monthly') }} k
    join {{ ref('kpi_definitions') }} def using (measure_id)
    join {{ ref('dim_date') }} d on d.date_day = k.period_start
    where k.period_type = 'month' and def.aggregation = 'flow'
),

quarters as (
    select measure_id, financial_year, financial_quarter, sum(numerator) as numerator, sum(denominator) as denominator
    from months group by all
)

select q.*, k.numerator as kpi_numerator, k.denominator as kpi_denominator
from quarters q
join {{ ref('kpi_monthly') }} k
    on
        k.measure_id = q.measure_id and k.period_type = 'quarter'
        and k.period_label = q.financial_year || ' Q' || q.financial_quarter
where k.numerator is distinct from q.numerator or k.denominator is distinct from q.denominator
