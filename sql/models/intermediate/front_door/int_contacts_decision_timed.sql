-- Working days from a contact to its decision (see macro working_days_between for the counting rule).
select
    c.*,
    {{ working_days_between('c.contact_date', 'c.decision_date') }} as working_days_to_decision
from {{ ref('stg_case_management__contacts') }} as c
