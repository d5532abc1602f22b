-- One row per child in the CIN census (ChildIdentifiers / ChildCharacteristics), in the same shape as
-- stg_case_management__children. Disabled when any <Disability> code other than NONE is listed; not known (null)
-- when the census lists none. The census does not record UASC status, so is_uasc is null (not known).
-- GenderCurrent (0/1/2/9, until 2023/24) and Sex (M/F/U, from 2024/25) land as the warehouse's sex code.
with source as (
    {{ latest_source_rows('cin_census', 'children') }}
)

select
    child_id,
    date_of_birth,
    coalesce(s.warehouse_code, source.sex) as sex_code,
    upper(ethnicity) as ethnicity_code,
    case
        when disabilities is null then null
        else list_has_any(string_split(upper(disabilities), ','), ['NONE']) = false
    end as is_disabled,
    cast(null as boolean) as is_uasc,
    _load_id as load_id
from source
left join {{ ref('return_codes') }} s on s.list = 'cin_sex' and s.code = source.sex
