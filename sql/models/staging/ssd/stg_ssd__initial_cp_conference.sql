-- One row per initial child protection conference from ssd_initial_cp_conference, with the S47 enquiry it
-- followed and the plan it started. Latest load wins.
with source as (
    {{ latest_source_rows('ssd', 'initial_cp_conference') }}
)

select
    icpc_icpc_id as icpc_id,
    icpc_person_id as child_id,
    icpc_s47_enquiry_id as s47_id,
    icpc_referral_id as referral_id,
    icpc_cp_plan_id as cp_plan_id,
    coalesce(icpc_icpc_transfer_in, false) as is_transfer_in,
    cast(icpc_icpc_target_date as date) as target_date,
    cast(icpc_icpc_date as date) as icpc_date,
    coalesce(icpc_icpc_outcome_cp_flag, {{ ssd_json_flag('icpc_icpc_outcome_json', 'CP_FLAG') }}) as is_cp_plan,
    _load_id as load_id
from source
