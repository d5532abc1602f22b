-- One row per children record, typed and renamed. Latest load wins on child_id.
with source as (
    {{ latest_source_rows('case_management', 'children') }}
)

select
    child_id,
    date_of_birth,
    sex as sex_code,
    upper(ethnicity) as ethnicity_code,
    disability as is_disabled,
    coalesce(uasc, false) as is_uasc,
    _load_id as load_id
from source
