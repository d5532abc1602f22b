-- Annex A List 4: social-work assessments from the newest workbook (Y/N/U flags as in the return).
with source as (
    {{ annex_a_latest_return(source('annex_a', 'list_4_assessments')) }}
)

select
    child_id,
    gender as sex_code,
    ethnicity as ethnicity_code,
    date_of_birth,
    age_years,
    has_disability,
    assessment_start_date,
    assessment_authorised_date,
    child_seen,
    needs_support,
    trim(allocated_team) as allocated_team,
    _load_id as load_id
from source
