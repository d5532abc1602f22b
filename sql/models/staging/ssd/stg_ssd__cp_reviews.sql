-- Child protection review conferences held, from ssd_cp_reviews (rows with only a due date have not been held).
with source as (
    {{ latest_source_rows('ssd', 'cp_reviews') }}
)

select
    cppr_cp_review_id as cp_review_id,
    cppr_cp_plan_id as cp_plan_id,
    cast(cppr_cp_review_date as date) as review_date,
    cast(cppr_cp_review_due as date) as due_date,
    _load_id as load_id
from source
where cppr_cp_review_date is not null
