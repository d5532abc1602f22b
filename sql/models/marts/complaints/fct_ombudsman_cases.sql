-- One row per Local Government and Social Care Ombudsman case about children's services: when the council was
-- told of it, the complaint it followed (when there was one), and the Ombudsman's decision once made.
-- Keys are hashes so neither the Ombudsman's nor the complaints system's reference reaches the marts.
with cases as (
    select * from {{ ref('stg_complaints__ombudsman_cases') }}
),

complaints as (
    select complaint_reference, stage, team from {{ ref('stg_complaints__complaints') }}
)

select
    {{ pseudonym_key("'ombudsman:' || o.ombudsman_reference") }} as ombudsman_case_key,
    case when o.complaint_reference is not null then {{ pseudonym_key("'complaint:' || o.complaint_reference") }} end as complaint_key,
    o.procedure_code,
    p.procedure_label,
    c.stage as complaint_stage,
    c.team,
    case when c.complaint_reference is not null then coalesce(t.service_area, 'Unmapped') end as service_area,
    o.received_date,
    rd.month_start as received_month,
    rd.financial_year as received_financial_year,
    o.decision_date,
    o.decision_date is not null as is_decided,
    dd.month_start as decision_month,
    dd.financial_year as decision_financial_year,
    o.decision_code,
    d.decision_label,
    coalesce(d.is_fault_found, false) as is_fault_found
from cases o
left join {{ ref('complaint_procedures') }} p on p.procedure_code = o.procedure_code
left join complaints c on c.complaint_reference = o.complaint_reference
left join {{ ref('dim_team') }} t on t.team_name = c.team
left join {{ ref('dim_date') }} rd on rd.date_day = o.received_date
left join {{ ref('dim_date') }} dd on dd.date_day = o.decision_date
left join {{ ref('ombudsman_decisions') }} d on d.decision_code = o.decision_code
