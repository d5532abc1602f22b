-- One row per s47 enquiries record, typed and renamed. Latest load wins on s47_id.
with source as (
    {{ latest_rows(source('case_management', 's47_enquiries'), 's47_id') }}
)

select
    s47_id,
    child_id,
    referral_id,
    start_date,
    icpc_required as is_icpc_required,
    icpc_date,
    _load_id as load_id
from source
