-- Annex A List 10: children with an adoption decision from the newest workbook.
with source as (
    {{ annex_a_latest_return(source('annex_a', 'list_10_adoption')) }}
)

select
    child_id,
    gender as sex_code,
    ethnicity as ethnicity_code,
    date_of_birth,
    age_years,
    family_id,
    has_disability,
    entered_care_date,
    adm_decision_date,
    placement_order_date,
    matched_date,
    placed_date,
    adoption_order_date,
    adoption_order_date as order_date, -- the name int_adoption_milestones uses
    no_longer_adoption_date,
    no_longer_adoption_reason,
    ffa_placement_date,
    _load_id as load_id
from source
