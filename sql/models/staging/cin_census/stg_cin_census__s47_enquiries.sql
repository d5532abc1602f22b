-- One row per CIN census section 47 enquiry, in the same shape as stg_case_management__s47_enquiries.
-- An initial conference was required when one was held, or when ICPCnotRequired is not true.
with numbered as (
    select *, row_number() over (partition by _load_id, child_id, start_date order by _line_number) as occurrence
    from {{ source('cin_census', 's47_enquiries') }}
),

source as (
    {{ latest_rows('numbered', contract_key('cin_census', 's47_enquiries') + ['occurrence']) }}
)

select
    {{ cin_key('child_id', 'start_date', 'occurrence') }} as s47_id,
    child_id,
    {{ cin_key('child_id', 'referral_date', '1') }} as referral_id,
    start_date,
    icpc_date is not null or not coalesce(icpc_not_required, false) as is_icpc_required,
    icpc_date,
    icpc_target,
    _load_id as load_id
from source
