-- One row per permanence plans record, typed and renamed. Latest load wins on permanence_plan_id.
with source as (
    {{ latest_rows(source('case_management', 'permanence_plans'), 'permanence_plan_id') }}
)

select
    permanence_plan_id,
    child_id,
    upper(plan_type) as plan_type,
    recorded_date,
    _load_id as load_id
from source
