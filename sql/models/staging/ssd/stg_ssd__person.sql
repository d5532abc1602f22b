-- Children from ssd_person, as int_children wants them. The SSD codes sex F / M / U (seed ssd_sex maps them to the
-- CIN census's 1 / 2 / 0). Disability and UASC status are in ssd_disability / ssd_immigration_status, which the
-- warehouse does not read yet, so they are null (not known). Names are never landed.
with source as (
    {{ latest_source_rows('ssd', 'person') }}
)

select
    p.pers_person_id as child_id,
    cast(p.pers_dob as date) as date_of_birth,
    sx.dfe_sex_code as sex_code,
    upper(p.pers_ethnicity) as ethnicity_code,
    cast(null as boolean) as is_disabled,
    cast(null as boolean) as is_uasc,
    p._load_id as load_id
from source p
left join {{ ref('ssd_sex') }} sx on sx.code = upper(p.pers_sex)
