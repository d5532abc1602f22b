-- Annex A List 5: section 47 enquiries and ICPCs from the newest workbook.
with source as (
    {{ annex_a_latest_return(source('annex_a', 'list_5_s47_enquiries')) }}
)

select
    child_id,
    gender as sex_code,
    ethnicity as ethnicity_code,
    date_of_birth,
    age_years,
    has_disability,
    s47_start_date,
    icpc_not_needed,
    icpc_date,
    icpc_led_to_plan,
    s47s_last_12_months,
    icpcs_last_12_months,
    trim(allocated_team) as allocated_team,
    _load_id as load_id
from source
