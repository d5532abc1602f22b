-- One row per s47 enquiries record, typed and renamed. Latest load wins on s47_id.
with source as (
    {{ latest_source_rows('case_management', 's47_enquiries') }}
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
