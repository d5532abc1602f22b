-- Annex A List 3: referrals from the newest workbook.
with source as (
    {{ annex_a_latest_return(source('annex_a', 'list_3_referrals')) }}
)

select
    child_id,
    gender as sex_code,
    ethnicity as ethnicity_code,
    date_of_birth,
    age_years,
    referral_date,
    upper(source_code) as source_code,
    is_nfa,
    referrals_last_12_months,
    trim(allocated_team) as allocated_team,
    _load_id as load_id
from source
