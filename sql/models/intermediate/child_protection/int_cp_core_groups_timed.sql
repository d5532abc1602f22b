-- Each core group meeting with the gap it was due within: the first within 10 working days of the initial
-- conference (the plan start), each later one within 4 weeks (28 days) of the one before.
with meetings as (
    select
        g.core_group_id,
        g.cp_plan_id,
        g.meeting_date,
        p.start_date as plan_start,
        lag(g.meeting_date) over (partition by g.cp_plan_id order by g.meeting_date, g.core_group_id) as previous_meeting_date
    from {{ ref('stg_case_management__cp_core_groups') }} g
    join {{ ref('int_cp_plans') }} p using (cp_plan_id)
)

select
    *,
    previous_meeting_date is null as is_first_meeting,
    case
        when previous_meeting_date is null then {{ working_days_between('plan_start', 'meeting_date') }} <= 10
        else meeting_date - previous_meeting_date <= 28
    end as is_within_timescale
from meetings
