-- One row per 903 missing / away-without-authorisation episode, shaped like stg_case_management__missing_episodes
-- (the 903 records dates, not times, and nothing about return interviews, so those are null: not known).
with source as (
    {{ latest_source_rows('ssda903', 'missing') }}
)

select
    '903:' || child_id || ':' || strftime(start_date, '%Y-%m-%d') as missing_id,
    child_id,
    case upper(missing_type) when 'M' then 'Missing' else 'Absent' end as missing_type,
    cast(start_date as timestamp) as start_at,
    cast(end_date as timestamp) as end_at,
    cast(null as boolean) as is_return_interview_offered,
    cast(null as timestamp) as return_interview_offered_at,
    cast(null as boolean) as is_return_interview_accepted,
    _load_id as load_id
from source
