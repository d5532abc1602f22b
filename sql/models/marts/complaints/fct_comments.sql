-- One row per comment: an issue raised with the complaints team without asking for a formal complaint. When it
-- was received, which team (and service area) it was about, and whether it has been answered.
-- Keys are hashes so no complaints-system reference reaches the marts.
with comments as (
    select * from {{ ref('stg_complaints__comments') }}
)

select
    {{ pseudonym_key("'comment:' || c.comment_reference") }} as comment_key,
    c.received_date,
    d.month_start as received_month,
    d.financial_year as received_financial_year,
    d.financial_quarter as received_financial_quarter,
    c.team,
    coalesce(t.service_area, 'Unmapped') as service_area,
    c.comment_category,
    c.response_date,
    c.response_date is not null as is_responded
from comments c
left join {{ ref('dim_date') }} d on d.date_day = c.received_date
left join {{ ref('dim_team') }} t on t.team_name = c.team
