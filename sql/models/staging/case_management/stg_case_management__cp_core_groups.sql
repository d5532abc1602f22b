-- One row per cp core groups record, typed and renamed. Latest load wins on core_group_id.
with source as (
    {{ latest_source_rows('case_management', 'cp_core_groups') }}
)

select
    core_group_id,
    cp_plan_id,
    meeting_date,
    _load_id as load_id
from source
