-- Annex A List 7: child protection plans from the newest workbook.
with source as (
    {{ annex_a_latest_return(source('annex_a', 'list_7_child_protection')) }}
)

select
    child_id,
    gender as sex_code,
    ethnicity as ethnicity_code,
    date_of_birth,
    age_years,
    has_disability,
    cp_plan_start_date,
    initial_category,
    latest_category,
    last_visit_date,
    seen_alone,
    latest_review_date,
    cp_plan_end_date,
    emergency_order_last_6_months,
    previous_cp_plans,
    trim(allocated_team) as allocated_team,
    _load_id as load_id
from source
