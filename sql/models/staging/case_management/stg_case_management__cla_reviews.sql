-- One row per cla reviews record, typed and renamed. Latest load wins on cla_review_id.
with source as (
    {{ latest_source_rows('case_management', 'cla_reviews') }}
)

select
    cla_review_id,
    child_id,
    review_date,
    _load_id as load_id
from source
