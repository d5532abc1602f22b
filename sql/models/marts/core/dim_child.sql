-- One row per child: pseudonymous key and the characteristics measures are broken down by. No names, no
-- system IDs, and only the month of birth.
with children as (
    select * from {{ ref('stg_case_management__children') }}
)

select
    {{ pseudonym_key("'child:' || c.child_id") }} as child_key,
    cast(date_trunc('month', c.date_of_birth) as date) as birth_month,
    c.sex_code,
    sx.label as sex,
    c.ethnicity_code,
    e.label as ethnicity,
    e.ethnic_group,
    c.is_disabled,
    c.is_uasc
from children c
left join {{ ref('sex') }} sx on sx.code = c.sex_code
left join {{ ref('ethnicity') }} e on e.code = c.ethnicity_code
