-- One row per referrals record, typed and renamed. Latest load wins on referral_id.
with source as (
    {{ latest_source_rows('case_management', 'referrals') }}
)

select
    referral_id,
    child_id,
    referral_date,
    upper(source_code) as source_code,
    contact_id,
    primary_need as primary_need_code,
    coalesce(nfa, false) as is_nfa,
    cast(null as integer) as previous_referrals_12_months, -- counted from the export's own history (fct_referrals)
    _load_id as load_id
from source
