-- For "distinct" measures a quarter's count of children is at least its largest month's and at most the months' sum
-- (a child in two months counts once, not twice, and no child is lost).
with months as (
    select k.measure_id, k.numerator, d.financial_year, d.financial_quarter
    from {{ ref('kpi_monthly') }} k
    join {{ ref('kpi_definitions') }} def using (measure_id)
    join {{ ref('dim_date') }} d on d.date_day = k.period_start
    where k.period_type = 'month' and def.aggregation = 'distinct'
),

quarters as (
    select measure_id, financial_year, financial_quarter, max(numerator) as largest_month, sum(numerator) as months_sum
    from months group by all
)

select q.*, k.numerator as kpi_numerator
from quarters q
join {{ ref('kpi_monthly') }} k
    on
        k.measure_id = q.measure_id and k.period_type = 'quarter'
        and k.period_label = q.financial_year || ' Q' || q.financial_quarter
where k.numerator < q.largest_month or k.numerator > q.months_sum
