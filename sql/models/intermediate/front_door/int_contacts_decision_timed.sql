-- Working days from a contact to its decision. The clock starts on the day the contact arrived, or on the
-- next working day when it arrived on a weekend or bank holiday; a decision on a non-working day counts as
-- the working day before. Same day = 0; Friday to Monday = 1.
with contacts as (
    select * from {{ ref('stg_case_management__contacts') }}
),

calendar as (
    select date_day, is_working_day, working_day_number from {{ ref('dim_date') }}
)

select
    c.*,
    case
        when c.decision_date is null then null
        else greatest(
            0,
            decided.working_day_number
                - (received.working_day_number + case when received.is_working_day then 0 else 1 end)
        )
    end as working_days_to_decision
from contacts c
join calendar received on received.date_day = c.contact_date
left join calendar decided on decided.date_day = c.decision_date
