-- One row per child in the 903 Header, in the same shape as stg_case_management__children.
with source as (
    {{ latest_rows(source('ssda903', 'header'), 'child_id') }}
)

select
    child_id,
    date_of_birth,
    sex as sex_code,
    upper(ethnicity) as ethnicity_code,
    false as is_disabled, -- the 903 does not record disability
    exists (select 1 from {{ ref('stg_ssda903__uasc') }} u where u.child_id = source.child_id) as is_uasc, -- listed in the UASC file
    _load_id as load_id
from source
