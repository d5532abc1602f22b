-- One row per cp plans record, typed and renamed. Latest load wins on cp_plan_id.
with source as (
    {{ latest_source_rows('case_management', 'cp_plans') }}
)

select
    cp_plan_id,
    child_id,
    start_date,
    end_date,
    upper(category_of_abuse) as category_of_abuse,
    s47_id,
    cast(null as integer) as previous_plans, -- counted from the export's own history (fct_cp_plans)
    _load_id as load_id
from source
