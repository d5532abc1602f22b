-- One row per CIN census review conference (CPPreviewDate), in the same shape as stg_case_management__cp_reviews.
with source as (
    {{ latest_source_rows('cin_census', 'cp_reviews') }}
)

select
    {{ cin_key('child_id', 'plan_start_date', '1') }} || ':' || strftime(review_date, '%Y-%m-%d') as cp_review_id,
    {{ cin_key('child_id', 'plan_start_date', '1') }} as cp_plan_id,
    review_date,
    _load_id as load_id
from source
