-- One row per special guardianship assessment, typed and renamed. Latest load wins on sgo_assessment_id.
with source as (
    {{ latest_source_rows('case_management', 'sgo_assessments') }}
)

select
    sgo_assessment_id,
    child_id,
    start_date,
    completed_date,
    _load_id as load_id
from source
