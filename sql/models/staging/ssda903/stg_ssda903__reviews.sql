-- One row per 903 review, in the same shape as stg_case_management__cla_reviews.
with source as (
    {{ latest_source_rows('ssda903', 'reviews') }}
)

select
    '903:' || child_id || ':' || strftime(review_date, '%Y-%m-%d') as cla_review_id,
    child_id,
    review_date,
    _load_id as load_id
from source
