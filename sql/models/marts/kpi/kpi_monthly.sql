-- One row per measure per period (month, financial quarter, financial year): numerator, denominator, value,
-- target, RAG and the measure's definition. Each area supplies monthly numerators and denominators
-- (int_kpi__<area>); "flow" measures add up over a period, "snapshot" measures take the period's last month, and
-- "distinct" counts count each child once over the period (from int_kpi__children_counted).
with monthly as (
    {% for model in [
        'int_kpi__front_door', 'int_kpi__assessment', 'int_kpi__child_protection', 'int_kpi__workforce',
        'int_kpi__children_in_care', 'int_kpi__complaints', 'int_kpi__missing',
    ] %}
        select measure_id, month_start, numerator, denominator from {{ ref(model) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

definitions as (
    select * from {{ ref('kpi_definitions') }}
),

months as (
    select distinct
        month_start, financial_year, financial_quarter,
        case financial_quarter when 1 then 'Q1' when 2 then 'Q2' when 3 then 'Q3' else 'Q4' end as quarter_label
    from {{ ref('dim_date') }}
),

distinct_counts as (
    -- Only the months the measure reports (a month after the last complete month end has children but no row), so
    -- a quarter never counts a child that none of its months shows.
    select c.measure_id, mo.financial_year, mo.quarter_label, count(distinct c.child_key) as children
    from {{ ref('int_kpi__children_counted') }} c
    join (select distinct measure_id, month_start from monthly) reported using (measure_id, month_start)
    join months mo using (month_start)
    group by grouping sets ((c.measure_id, mo.financial_year, mo.quarter_label), (c.measure_id, mo.financial_year))
),

tagged as (
    select
        m.*, d.aggregation, mo.financial_year, mo.financial_quarter, mo.quarter_label,
        max(m.month_start) over (partition by m.measure_id, mo.financial_year, mo.financial_quarter) as last_month_in_quarter,
        max(m.month_start) over (partition by m.measure_id, mo.financial_year) as last_month_in_year
    from monthly m
    join definitions d using (measure_id)
    join months mo using (month_start)
),

periods as (
    select
        measure_id, 'month' as period_type, strftime(month_start, '%B %Y') as period_label, month_start as period_start,
        cast(last_day(month_start) as date) as period_end, numerator, denominator
    from tagged
    union all
    select
        t.measure_id, 'quarter', t.financial_year || ' ' || t.quarter_label, min(t.month_start), cast(last_day(max(t.month_start)) as date),
        case any_value(
            t.aggregation)
            when 'flow' then sum(t.numerator) when 'distinct' then coalesce(any_value(dc.children), 0)
            else max(t.numerator) filter (where t.month_start = t.last_month_in_quarter)
        end,
        case any_value(t.aggregation) when 'snapshot' then max(t.denominator) filter (where t.month_start = t.last_month_in_quarter) else sum(t.denominator) end
    from tagged t
    left join distinct_counts dc on dc.measure_id = t.measure_id and dc.financial_year = t.financial_year and dc.quarter_label = t.quarter_label
    group by t.measure_id, t.financial_year, t.quarter_label
    union all
    select
        t.measure_id, 'financial_year', t.financial_year, min(t.month_start), cast(last_day(max(t.month_start)) as date),
        case any_value(
            t.aggregation)
            when 'flow' then sum(t.numerator) when 'distinct' then coalesce(any_value(dc.children), 0)
            else max(t.numerator) filter (where t.month_start = t.last_month_in_year)
        end,
        case any_value(t.aggregation) when 'snapshot' then max(t.denominator) filter (where t.month_start = t.last_month_in_year) else sum(t.denominator) end
    from tagged t
    left join distinct_counts dc on dc.measure_id = t.measure_id and dc.financial_year = t.financial_year and dc.quarter_label is null
    group by t.measure_id, t.financial_year
),

valued as (
    select
        p.*,
        case
            when d.unit = 'count' then p.numerator
            when p.denominator is null or p.denominator = 0 then null
            when d.unit = 'percent' then 100.0 * p.numerator / p.denominator
            else p.numerator / p.denominator
        end as value
    from periods p
    join definitions d using (measure_id)
),

targeted as (
    select
        v.*,
        (
            select t.target from {{ ref('kpi_targets') }} t
            where t.measure_id = v.measure_id and t.effective_from <= v.period_end
            order by t.effective_from desc limit 1
        ) as target
    from valued v
)

select
    md5(t.measure_id || ':' || t.period_type || ':' || t.period_start) as kpi_key,
    t.measure_id,
    d.measure_name,
    d.priority_area,
    t.period_type,
    t.period_label,
    t.period_start,
    t.period_end,
    t.numerator,
    t.denominator,
    t.value,
    d.unit,
    t.target,
    d.direction,
    case
        when t.value is null or t.target is null then null
        when (d.direction = 'higher' and t.value >= t.target) or (d.direction = 'lower' and t.value <= t.target) then 'Green'
        when
            (d.direction = 'higher' and t.value >= t.target - d.rag_tolerance) or (d.direction = 'lower' and t.value <= t.target + d.rag_tolerance)
            then 'Amber'
        else 'Red'
    end as rag,
    d.numerator_definition,
    d.denominator_definition,
    d.inclusions,
    d.exclusions,
    d.period_rule,
    d.source_rule
from targeted t
join definitions d using (measure_id)
