-- Annex A List 2: early help assessments from the newest workbook.
with source as (
    {{ annex_a_latest_return(source('annex_a', 'list_2_early_help')) }}
)

select
    child_id,
    gender as sex_code,
    ethnicity as ethnicity_code,
    date_of_birth,
    age_years,
    assessment_start_date,
    assessment_completion_date,
    organisation,
    _load_id as load_id
from source
