-- Annex A List 3: referrals from the newest workbook, also shaped like stg_case_management__referrals (the
-- last fallback of int_referrals). Annex A has no referral ID, contact or primary need: the key is child, date
-- and occurrence, and the rest are null ("not recorded by this source"). The list's count of the child's referrals
-- in the 12 months before each one says whether it is a re-referral (12 months of rows alone cannot).
with latest as (
    {{ annex_a_latest_return(source('annex_a', 'list_3_referrals')) }}
),

source as (
    select *, row_number() over (partition by child_id, referral_date order by _line_number) as occurrence
    from latest
)

select
    {{ annex_a_key('child_id', 'referral_date', 'occurrence') }} as referral_id,
    cast(null as varchar) as contact_id,
    cast(null as varchar) as primary_need_code,
    child_id,
    gender as sex_code,
    ethnicity as ethnicity_code,
    date_of_birth,
    age_years,
    referral_date,
    upper(source_code) as source_code,
    is_nfa,
    referrals_last_12_months,
    referrals_last_12_months as previous_referrals_12_months,
    trim(allocated_team) as allocated_team,
    _load_id as load_id
from source
