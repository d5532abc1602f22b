-- Monthly numerators and denominators for the missing-children KPIs (see seeds/kpi_definitions.csv). Episodes
-- count in the month the child went missing; return interviews in the month the child came back (the 72 hours run
-- from the return). "Away" episodes (absent without authorisation) are not counted: the return interview duty is
-- for children who go missing. Months count from the source's first recorded episode, so months before it are
-- not known rather than 0; the return-interview measures only count episodes from a source that records them
-- (none from the 903 alone: no figure, not 0%).
with episodes as (
    select * from {{ ref('fct_missing_episodes') }} where is_missing
),

months as (
    select month_start from {{ ref('int_month_ends') }}
    where month_start >= (select min(start_month) from {{ ref('fct_missing_episodes') }})
),

returned as (
    select * from episodes where is_returned and is_return_interview_offered is not null
)

-- Children are counted once a month however many times they went missing (int_kpi__children_counted).
select
    'children_missing' as measure_id,
    m.month_start,
    cast(count(distinct c.child_key) as double) as numerator,
    cast(null as double) as denominator
from months m
left join {{ ref('int_kpi__children_counted') }} c on c.measure_id = 'children_missing' and c.month_start = m.month_start
group by m.month_start

union all

select 'missing_episodes', m.month_start, cast(count(e.missing_episode_key) as double), cast(null as double)
from months m
left join episodes e on e.start_month = m.month_start
group by m.month_start

union all

-- An offer with no recorded date cannot show it was within 72 hours, so it counts in the denominator only.
select
    'return_interviews_within_72_hours', return_month,
    cast(count(*) filter (where is_offered_within_72_hours) as double),
    cast(count(*) as double)
from returned
group by return_month

union all

select
    'return_interviews_accepted', return_month,
    cast(count(*) filter (where is_return_interview_accepted) as double),
    cast(count(*) as double)
from returned
where is_return_interview_offered
group by return_month
