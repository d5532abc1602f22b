-- One row per compliment registered by the complaints team: when it was received and which team (and service
-- area) it was about. Keys are hashes so no complaints-system reference reaches the marts.
with compliments as (
    select * from {{ ref('stg_complaints__compliments') }}
)

select
    {{ pseudonym_key("'compliment:' || c.compliment_reference") }} as compliment_key,
    c.received_date,
    d.month_start as received_month,
    d.financial_year as received_financial_year,
    d.financial_quarter as received_financial_quarter,
    c.team,
    coalesce(t.service_area, 'Unmapped') as service_area
from compliments c
left join {{ ref('dim_date') }} d on d.date_day = c.received_date
left join {{ ref('dim_team') }} t on t.team_name = c.team
