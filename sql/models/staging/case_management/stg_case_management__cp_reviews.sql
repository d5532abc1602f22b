-- One row per cp reviews record, typed and renamed. Latest load wins on cp_review_id.
with source as (
    {{ latest_source_rows('case_management', 'cp_reviews') }}
)

select
    cp_review_id,
    cp_plan_id,
    review_date,
    _load_id as load_id
from source
