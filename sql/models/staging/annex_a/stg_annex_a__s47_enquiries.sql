-- Annex A List 5: section 47 enquiries and ICPCs from the newest workbook, also shaped like
-- stg_case_management__s47_enquiries (the last fallback of int_s47_enquiries). A conference was required when
-- one was held or the list says it was not deemed unnecessary; when neither is recorded it is not known (null).
-- Annex A does not link an enquiry to its referral, so referral_id is null.
with latest as (
    {{ annex_a_latest_return(source('annex_a', 'list_5_s47_enquiries')) }}
),

source as (
    select *, row_number() over (partition by child_id, s47_start_date order by _line_number) as occurrence
    from latest
)

select
    {{ annex_a_key('child_id', 's47_start_date', 'occurrence') }} as s47_id,
    cast(null as varchar) as referral_id,
    s47_start_date as start_date,
    case when icpc_date is not null then true when icpc_not_needed is null then null else not icpc_not_needed end as is_icpc_required,
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
