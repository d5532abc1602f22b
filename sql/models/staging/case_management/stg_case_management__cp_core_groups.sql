-- One row per cp core groups record, typed and renamed. Latest load wins on core_group_id.
with source as (
    {{ latest_rows(source('case_management', 'cp_core_groups'), 'core_group_id') }}
)

select
    core_group_id,
    cp_plan_id,
    meeting_date,
    _load_id as load_id
from source
