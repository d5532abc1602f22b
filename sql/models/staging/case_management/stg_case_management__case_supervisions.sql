-- One row per case supervisions record, typed and renamed. Latest load wins on supervision_id.
with source as (
    {{ latest_source_rows('case_management', 'case_supervisions') }}
)

select
    supervision_id,
    child_id,
    worker_id,
    supervisor_id,
    supervision_date,
    _load_id as load_id
from source
