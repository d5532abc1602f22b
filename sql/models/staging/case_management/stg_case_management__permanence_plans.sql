-- One row per permanence plans record, typed and renamed. Latest load wins on permanence_plan_id.
with source as (
    {{ latest_source_rows('case_management', 'permanence_plans') }}
)

select
    permanence_plan_id,
    child_id,
    upper(plan_type) as plan_type,
    recorded_date,
    _load_id as load_id
from source
