-- One row per complaint record: one per stage reached, as the complaints system logs an escalation as a new
-- record naming the one it came from. When it was received and answered, under which procedure, about which
-- team and issues, the outcome, and whether the response met its timescale.
-- Keys are hashes so no complaints-system reference reaches the marts.
with complaints as (
    select * from {{ ref('stg_complaints__complaints') }}
),

procedures as (
    select * from {{ ref('complaint_procedures') }}
),

stages as (
    select * from {{ ref('complaint_stages') }}
),

outcomes as (
    select * from {{ ref('complaint_outcomes') }}
),

dates as (
    select * from {{ ref('dim_date') }}
),

-- Issues per complaint record: how many, and their categories in the seed's display order.
issue_categories as (
    select distinct i.complaint_reference, i.issue_category_code, c.category_label, c.sort_order
    from {{ ref('stg_complaints__complaint_issues') }} i
    left join {{ ref('complaint_issue_categories') }} c on c.category_code = i.issue_category_code
),

issues as (
    select
        ic.complaint_reference,
        n.issue_count,
        string_agg(ic.issue_category_code, ', ' order by ic.sort_order, ic.issue_category_code) as issue_category_codes,
        string_agg(coalesce(ic.category_label, ic.issue_category_code), ', ' order by ic.sort_order, ic.issue_category_code) as issue_categories
    from issue_categories ic
    join (
        select complaint_reference, cast(count(*) as integer) as issue_count
        from {{ ref('stg_complaints__complaint_issues') }}
        group by complaint_reference
    ) n on n.complaint_reference = ic.complaint_reference
    group by ic.complaint_reference, n.issue_count
),

-- When the complaints export was taken: open complaints are judged overdue as at this date.
complaints_as_at as (
    select cast(max(data_as_at) as date) as as_at_date
    from {{ ref('meta_data_as_at') }}
    where source = 'complaints.complaints'
),

timed as (
    select
        c.*,
        cast({{ working_days_between('c.received_date', 'c.response_date') }} as integer) as working_days_to_response,
        -- Only stage 1 has a timescale in the complaint_procedures seed (statutory 10, extendable to 20 when the
        -- complainant agrees; corporate and SEND 20, with no extended timescale of their own).
        case
            when c.stage = 1
                then
                    case
                        when c.is_extension_agreed
                            then coalesce(p.stage_1_extended_due_working_days, p.stage_1_due_working_days)
                        else p.stage_1_due_working_days
                    end
        end as timescale_working_days,
        case
            when c.response_date is null and c.outcome_code is null
                then {{ working_days_between('c.received_date', '(select as_at_date from complaints_as_at)') }}
        end as working_days_open_as_at
    from complaints c
    left join procedures p on p.procedure_code = c.procedure_code
)

select
    {{ pseudonym_key("'complaint:' || c.complaint_reference") }} as complaint_key,
    case when c.escalated_from_reference is not null then {{ pseudonym_key("'complaint:' || c.escalated_from_reference") }} end as escalated_from_key,
    c.received_date,
    rd.month_start as received_month,
    rd.financial_year as received_financial_year,
    rd.financial_quarter as received_financial_quarter,
    c.procedure_code,
    p.procedure_label,
    c.stage,
    s.stage_label,
    c.team,
    coalesce(t.service_area, 'Unmapped') as service_area,
    c.outcome_code,
    o.outcome_label,
    coalesce(o.is_upheld_or_partly, false) as is_upheld_or_partly,
    coalesce(c.outcome_code = 'WD', false) as is_withdrawn,
    c.response_date,
    c.response_date is not null as is_responded,
    c.response_date is null and c.outcome_code is null as is_open,
    c.is_extension_agreed,
    c.working_days_to_response,
    c.timescale_working_days,
    coalesce(c.working_days_to_response <= 10, false) as is_within_10_working_days,
    coalesce(c.working_days_to_response <= 20, false) as is_within_20_working_days,
    case
        when c.timescale_working_days is not null
            then coalesce(c.working_days_to_response <= c.timescale_working_days, false)
    end as is_within_timescale,
    case
        when c.timescale_working_days is not null
            then coalesce(c.working_days_open_as_at > c.timescale_working_days, false)
    end as is_overdue_as_at,
    cast(coalesce(i.issue_count, 0) as integer) as issue_count,
    i.issue_category_codes,
    i.issue_categories,
    c.is_from_young_person,
    resp.month_start as response_month,
    resp.financial_year as response_financial_year,
    resp.financial_quarter as response_financial_quarter
from timed c
left join dates rd on rd.date_day = c.received_date
left join dates resp on resp.date_day = c.response_date
left join procedures p on p.procedure_code = c.procedure_code
left join stages s on s.stage_code = c.stage_code
left join outcomes o on o.outcome_code = c.outcome_code
left join {{ ref('dim_team') }} t on t.team_name = c.team
left join issues i on i.complaint_reference = c.complaint_reference
