-- One row per contact: when, from whom, who received it, and how quickly it was decided.
-- Keys are hashes so no case-management system ID reaches the marts.
with contacts as (
    select * from {{ ref('int_contacts_decision_timed') }}
),

dates as (
    select * from {{ ref('dim_date') }}
),

sources as (
    select * from {{ ref('contact_sources') }}
),

outcomes as (
    select * from {{ ref('contact_outcomes') }}
),

teams as (
    select * from {{ ref('teams') }}
)

select
    md5('contact:' || c.contact_id) as contact_key,
    md5('child:' || c.child_id) as child_key,
    c.contact_at,
    c.contact_date,
    d.week_start,
    d.month_start,
    d.financial_year,
    d.financial_quarter,
    c.source_code,
    s.source_label,
    s.source_group,
    c.receiving_team,
    coalesce(t.service_area, 'Unmapped') as receiving_service_area,
    coalesce(t.is_front_door, false) as is_front_door,
    case when coalesce(t.is_front_door, false) then t.service_area end as front_door_team,
    c.is_open_case,
    case when c.is_open_case then 'Open case' else 'New' end as case_status,
    c.is_domestic_abuse_notification,
    c.decision_at,
    c.decision_date,
    c.decision_date is not null as is_decided,
    c.working_days_to_decision,
    coalesce(c.working_days_to_decision <= 1, false) as is_decided_within_1_working_day,
    c.outcome_code,
    o.outcome_label,
    coalesce(o.is_referral, false) as is_referral
from contacts c
join dates d on d.date_day = c.contact_date
left join sources s on s.source_code = c.source_code
left join outcomes o on o.outcome_code = c.outcome_code
left join teams t on t.team_name = c.receiving_team
