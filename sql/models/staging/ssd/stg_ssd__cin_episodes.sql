-- Referrals from ssd_cin_episodes (one CIN episode per referral), as int_referrals wants them. The SSD links no
-- referral to its contact, so contact_id is null.
with source as (
    {{ latest_source_rows('ssd', 'cin_episodes') }}
)

select
    cine_referral_id as referral_id,
    cine_person_id as child_id,
    cast(cine_referral_date as date) as referral_date,
    upper(cine_referral_source_code) as source_code,
    cast(null as varchar) as contact_id,
    upper(cine_cin_primary_need_code) as primary_need_code,
    cine_referral_nfa as is_nfa,
    cast(null as integer) as previous_referrals_12_months,
    cast(cine_close_date as date) as close_date,
    upper(cine_close_reason) as close_reason,
    _load_id as load_id
from source
