-- One row per child with an ADM decision, typed and renamed. Latest load wins on child_id.
with source as (
    {{ latest_source_rows('case_management', 'adoption_milestones') }}
)

select
    child_id,
    adm_decision_date,
    matched_date,
    placed_date,
    order_date,
    _load_id as load_id
from source
