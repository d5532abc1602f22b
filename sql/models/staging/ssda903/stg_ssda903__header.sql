-- One row per child in the 903 Header, in the same shape as stg_case_management__children. SEX is 1/2 until
-- 2023/24 and M/F/U from 2024/25: both land as the warehouse's sex code (seeds/dfe/return_codes).
with source as (
    {{ latest_source_rows('ssda903', 'header') }}
)

select
    child_id,
    date_of_birth,
    coalesce(s.warehouse_code, source.sex) as sex_code,
    upper(ethnicity) as ethnicity_code,
    false as is_disabled, -- the 903 does not record disability
    exists(select 1 from {{ ref('stg_ssda903__uasc') }} u where u.child_id = source.child_id) as is_uasc, -- listed in the UASC file
    _load_id as load_id
from source
left join {{ ref('return_codes') }} s on s.list = 'ssda903_sex' and s.code = source.sex
