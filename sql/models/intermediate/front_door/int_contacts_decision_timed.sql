-- Working days from a contact to its decision (see macro working_days_between for the counting rule); null
-- while undecided and for sources that do not record decisions (Annex A).
select
    c.*,
    {{ working_days_between('c.contact_date', 'c.decision_date') }} as working_days_to_decision
from {{ ref('int_contacts') }} c
