-- One row per contact: when, from whom, who received it, and how quickly it was decided.
-- Keys are hashes so no case-management system ID reaches the marts. Contacts from the SSD or Annex A List 1 (used
-- only when there is no case-management contacts export) have no receiving team, open-case flag or decision: those columns
-- are null for them (unknown), never false, so no appendix shows a zero it does not have.
with contacts as (
    select
        *,
        case record_source when 'stg_annex_a__contacts' then 'annex_a' when 'stg_ssd__contacts' then 'ssd' else 'case_management' end as source_system,
        -- What the row's source records at all (Annex A List 1 and the SSD's ssd_contacts record neither).
        record_source = 'stg_case_management__contacts' as has_team,
        record_source = 'stg_case_management__contacts' as has_decisions
    from {{ ref('int_contacts_decision_timed') }}
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
    {{ pseudonym_key("'contact:' || c.contact_id") }} as contact_key,
    {{ pseudonym_key("'child:' || c.child_id") }} as child_key,
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
    case when c.has_team then coalesce(t.service_area, 'Unmapped') end as receiving_service_area,
    case when c.has_team then coalesce(t.is_front_door, false) end as is_front_door,
    case when coalesce(t.is_front_door, false) then t.service_area end as front_door_team,
    c.is_open_case,
    case when c.is_open_case then 'Open case' when not c.is_open_case then 'New' end as case_status,
    c.is_domestic_abuse_notification,
    c.decision_at,
    c.decision_date,
    case when c.has_decisions then c.decision_date is not null end as is_decided,
    c.working_days_to_decision,
    case when c.has_decisions then coalesce(c.working_days_to_decision <= 1, false) end as is_decided_within_1_working_day,
    c.outcome_code,
    o.outcome_label,
    case when c.has_decisions then coalesce(o.is_referral, false) end as is_referral,
    c.source_system
from contacts c
left join dates d on d.date_day = c.contact_date
left join sources s on s.source_code = c.source_code
left join outcomes o on o.outcome_code = c.outcome_code
left join teams t on t.team_name = c.receiving_team
