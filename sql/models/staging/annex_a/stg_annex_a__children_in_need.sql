-- Annex A List 6: child-in-need episodes from the newest workbook.
with source as (
    {{ annex_a_latest_return(source('annex_a', 'list_6_children_in_need')) }}
)

select
    child_id,
    gender as sex_code,
    ethnicity as ethnicity_code,
    date_of_birth,
    age_years,
    has_disability,
    cin_start_date,
    primary_need,
    last_seen_date,
    cin_closure_date,
    closure_reason,
    case_status,
    trim(allocated_team) as allocated_team,
    _load_id as load_id
from source
