-- One row per child in the 903 UASC file: unaccompanied asylum-seeking children and when that status ended.
with source as (
    {{ latest_source_rows('ssda903', 'uasc') }}
)

select child_id, date_of_birth, uasc_ceased_date, _load_id as load_id
from source
