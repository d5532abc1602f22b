-- Annex A List 11: prospective adopters from the newest workbook.
with source as (
    {{ annex_a_latest_return(source('annex_a', 'list_11_adopters')) }}
)

select
    adopter_id,
    family_id,
    gender as sex_code,
    ethnicity as ethnicity_code,
    has_disability,
    is_fostering_for_adoption,
    enquiry_date,
    stage_1_start_date,
    stage_1_end_date,
    stage_2_start_date,
    stage_2_end_date,
    application_date,
    approved_date,
    matched_date,
    placed_date,
    children_placed,
    adoption_order_date,
    left_process_date,
    left_process_reason,
    _load_id as load_id
from source
