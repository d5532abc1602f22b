-- One row per child protection plan: dates, duration, category, whether it is a repeat plan, and how its core
-- groups and reviews kept to timescale. Only the case-management export records core groups, and Annex A
-- records no review conferences, so for plans from a source that does not record them those measures are null
-- ("not known"), not 0 or false. The plan number is the source's count of previous plans + 1 where it states one
-- (Annex A), else the plan's place in the child's history in the data.
with plans as (
    select
        *,
        coalesce(previous_plans + 1, row_number() over (partition by child_id order by start_date, cp_plan_id)) as plan_number,
        record_source = 'stg_case_management__cp_plans' as records_core_groups,
        record_source <> 'stg_annex_a__cp_plans' as records_reviews
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
    {{ pseudonym_key("'cp_plan:' || p.cp_plan_id") }} as cp_plan_key,
    {{ pseudonym_key("'child:' || p.child_id") }} as child_key,
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
    case when p.records_core_groups then coalesce(g.core_groups_held, 0) end as core_groups_held,
    case when p.records_core_groups then coalesce(g.core_groups_within_timescale, 0) end as core_groups_within_timescale,
    g.first_core_group_date,
    case when p.records_core_groups then coalesce(g.is_first_core_group_within_10_working_days, false) end as is_first_core_group_within_10_working_days,
    case when p.records_reviews then coalesce(r.reviews_held, 0) end as reviews_held,
    case when p.records_reviews then coalesce(r.reviews_on_time, 0) end as reviews_on_time,
    p.record_source
from plans p
left join {{ ref('dim_date') }} d on d.date_day = p.start_date
left join {{ ref('cp_abuse_categories') }} c on c.code = p.category_of_abuse
left join core_groups g using (cp_plan_id)
left join reviews r using (cp_plan_id)
