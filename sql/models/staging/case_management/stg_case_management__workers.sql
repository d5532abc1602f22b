-- One row per workers record, typed and renamed. Latest load wins on worker_id.
with source as (
    {{ latest_source_rows('case_management', 'workers') }}
)

select
    worker_id,
    trim(team) as team,
    upper(role) as role,
    fte,
    upper(employment_type) as employment_type,
    start_date,
    leave_date,
    _load_id as load_id
from source
