-- One row per cla reviews record, typed and renamed. Latest load wins on cla_review_id.
with source as (
    {{ latest_rows(source('case_management', 'cla_reviews'), 'cla_review_id') }}
)

select
    cla_review_id,
    child_id,
    review_date,
    _load_id as load_id
from source
