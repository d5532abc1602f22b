-- One row per assessments record, typed and renamed. Latest load wins on assessment_id.
with source as (
    {{ latest_source_rows('case_management', 'assessments') }}
)

select
    assessment_id,
    child_id,
    referral_id,
    start_date,
    authorised_date,
    outcome as outcome_code,
    team,
    worker_id,
    _load_id as load_id
from source
