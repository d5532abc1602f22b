-- One row per 903 period of deprivation of liberty (DoLo, new in 2024/25): child, start and end.
with source as (
    {{ latest_source_rows('ssda903', 'dolo') }}
)

select
    '903:' || child_id || ':' || strftime(start_date, '%Y-%m-%d') as dolo_id,
    child_id, date_of_birth, start_date, end_date, _load_id as load_id
from source
