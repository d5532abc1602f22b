-- One row per case allocations record, typed and renamed. Latest load wins on allocation_id.
with source as (
    {{ latest_source_rows('case_management', 'case_allocations') }}
)

select
    allocation_id,
    child_id,
    worker_id,
    trim(team) as team,
    start_date,
    end_date,
    _load_id as load_id
from source
