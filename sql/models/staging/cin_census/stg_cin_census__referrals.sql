-- One row per CIN census referral (CINdetails), in the same shape as stg_case_management__referrals. The census
-- has no referral ID: child, referral date and occurrence (the nth referral that child has that day in the file)
-- identify one, so the key is stable from one year's census to the next.
with numbered as (
    select *, row_number() over (partition by _load_id, child_id, referral_date order by _line_number) as occurrence
    from {{ source('cin_census', 'referrals') }}
),

source as (
    {{ latest_rows('numbered', contract_key('cin_census', 'referrals') + ['occurrence']) }}
)

select
    {{ cin_key('child_id', 'referral_date', 'occurrence') }} as referral_id,
    child_id,
    referral_date,
    upper(referral_source) as source_code,
    cast(null as varchar) as contact_id,
    upper(primary_need) as primary_need_code,
    coalesce(nfa, false) as is_nfa,
    cast(null as integer) as previous_referrals_12_months, -- counted from the census history (fct_referrals)
    closure_date,
    upper(reason_for_closure) as reason_for_closure,
    _load_id as load_id
from source
