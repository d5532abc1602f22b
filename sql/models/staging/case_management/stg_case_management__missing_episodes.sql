-- One row per missing episodes record, typed and renamed. Latest load wins on missing_id.
with source as (
    {{ latest_source_rows('case_management', 'missing_episodes') }}
)

select
    missing_id,
    child_id,
    missing_type,
    start_at,
    end_at,
    ri_offered as is_return_interview_offered,
    ri_offered_at as return_interview_offered_at,
    coalesce(ri_accepted, false) as is_return_interview_accepted,
    _load_id as load_id
from source
