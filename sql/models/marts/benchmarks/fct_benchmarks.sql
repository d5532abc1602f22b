-- One row per local authority, DfE measure and year: the authority's published figure beside England's, its
-- region's and the average of its statistical neighbours (the newest grouping shipped), and its quartile band
-- among all authorities as the DfE's Local Authority Interactive Tool computes it (R's default quantiles,
-- i.e. linear interpolation; A is the best quarter given the measure's polarity; no band where the DfE gives
-- the measure no polarity). Figures come from seeds/benchmarks/ (refresh: tools/refresh-benchmarks.mjs).
-- Where the scorecard's measure is the complement of the DfE's (permanent staff vs agency rate), every figure
-- is turned round here and the polarity with it, so the columns always mean what the KPI means.
with measures as (
    select
        m.dfe_measure_code,
        m.measure,
        m.topic,
        m.unit,
        m.year_type,
        k.measure_id,
        k.transform,
        k.definition_note,
        case
            when k.transform = 'complement' and m.polarity = 'High' then 'Low'
            when k.transform = 'complement' and m.polarity = 'Low' then 'High'
            else m.polarity
        end as polarity
    from {{ ref('dfe_measures') }} m
    join {{ ref('kpi_benchmark_map') }} k using (dfe_measure_code)
),

figures as (
    select
        f.dfe_measure_code,
        f.year,
        f.area_code,
        case when m.transform = 'complement' then 100 - f.value else f.value end as value
    from {{ ref('dfe_figures') }} f
    join measures m using (dfe_measure_code)
),

authorities as (
    select * from {{ ref('local_authorities') }}
),

authority_figures as (
    select f.* from figures f join authorities a on a.la_code = f.area_code
),

newest_grouping as (
    select arg_max(grouping, strptime(grouping, '%B %Y')) as grouping from {{ ref('statistical_neighbours') }}
),

neighbour_averages as (
    select s.la_code, f.dfe_measure_code, f.year, avg(f.value) as sn_average, count(f.value) as sn_count
    from {{ ref('statistical_neighbours') }} s
    join newest_grouping g on g.grouping = s.grouping
    join authority_figures f on f.area_code = s.neighbour_la_code
    group by all
),

quartiles as (
    select
        dfe_measure_code,
        year,
        quantile_cont(value, 0.25) as q1,
        quantile_cont(value, 0.5) as q2,
        quantile_cont(value, 0.75) as q3,
        count(value) as authorities_with_figure
    from authority_figures
    where value is not null
    group by all
)

select
    md5(a.la_code || ':' || m.dfe_measure_code || ':' || f.year) as benchmark_key,
    a.la_code,
    a.la_name,
    a.region_name,
    m.dfe_measure_code,
    m.measure,
    m.topic,
    m.unit,
    m.year_type,
    m.polarity,
    m.measure_id,
    m.transform,
    m.definition_note,
    f.year,
    case when m.year_type = 'Financial Year' then cast(f.year - 1 as varchar) || '/' || right(cast(f.year as varchar), 2) else cast(f.year as varchar) end
        as year_label,
    f.value as la_value,
    e.value as england_value,
    r.value as region_value,
    n.sn_average,
    coalesce(n.sn_count, 0) as sn_count,
    g.grouping as sn_grouping,
    q.q1,
    q.q2 as median,
    q.q3,
    q.authorities_with_figure,
    case
        when f.value is null or m.polarity not in ('High', 'Low') or q.q1 is null then null
        when m.polarity = 'Low' then case when f.value <= q.q1 then 'A' when f.value <= q.q2 then 'B' when f.value <= q.q3 then 'C' else 'D' end
        else case when f.value <= q.q1 then 'D' when f.value <= q.q2 then 'C' when f.value <= q.q3 then 'B' else 'A' end
    end as quartile_band
from authorities a
join authority_figures f on f.area_code = a.la_code
join measures m on m.dfe_measure_code = f.dfe_measure_code
cross join newest_grouping g
left join figures e on e.area_code = 970 and e.dfe_measure_code = f.dfe_measure_code and e.year = f.year
left join figures r on r.area_code = a.region_code and r.dfe_measure_code = f.dfe_measure_code and r.year = f.year
left join neighbour_averages n on n.la_code = a.la_code and n.dfe_measure_code = f.dfe_measure_code and n.year = f.year
left join quartiles q on q.dfe_measure_code = f.dfe_measure_code and q.year = f.year
