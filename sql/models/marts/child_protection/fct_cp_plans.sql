-- One row per child protection plan: dates, duration, category, whether it is a repeat plan, and how its core
-- groups and reviews kept to timescale.
with plans as (
    select
        *,
        row_number() over (partition by child_id order by start_date, cp_plan_id) as plan_number
    from {{ ref('int_cp_plans') }}
),

core_groups as (
    select
        cp_plan_id,
        count(*) as core_groups_held,
        count(*) filter (where is_within_timescale) as core_groups_within_timescale,
        min(meeting_date) as first_core_group_date,
        bool_or(is_first_meeting and is_within_timescale) as is_first_core_group_within_10_working_days
    from {{ ref('int_cp_core_groups_timed') }}
    group by cp_plan_id
),

reviews as (
    select
        cp_plan_id,
        count(*) as reviews_held,
        count(*) filter (where is_on_time) as reviews_on_time
    from {{ ref('int_cp_reviews_timed') }}
    group by cp_plan_id
)

select
    md5('cp_plan:' || p.cp_plan_id) as cp_plan_key,
    md5('child:' || p.child_id) as child_key,
    p.start_date,
    p.end_date,
    p.end_date is null as is_open,
    coalesce(p.end_date, {{ as_at_date() }}) - p.start_date as duration_days,
    cast(p.start_date + interval 9 month as date) as open_9_months_from,
    p.category_of_abuse,
    c.label as category_of_abuse_label,
    p.plan_number,
    p.plan_number > 1 as is_repeat_plan,
    d.financial_year as start_financial_year,
    d.month_start as start_month,
    coalesce(g.core_groups_held, 0) as core_groups_held,
    coalesce(g.core_groups_within_timescale, 0) as core_groups_within_timescale,
    g.first_core_group_date,
    coalesce(g.is_first_core_group_within_10_working_days, false) as is_first_core_group_within_10_working_days,
    coalesce(r.reviews_held, 0) as reviews_held,
    coalesce(r.reviews_on_time, 0) as reviews_on_time
from plans p
join {{ ref('dim_date') }} d on d.date_day = p.start_date
left join {{ ref('cp_abuse_categories') }} c on c.code = p.category_of_abuse
left join core_groups g using (cp_plan_id)
left join reviews r using (cp_plan_id)
