-- One row per 903 social worker episode: who the looked-after child's social worker was, and why it changed.
with source as (
    {{ latest_source_rows('ssda903', 'sw_episodes') }}
)

select
    '903:' || child_id || ':' || strftime(start_date, '%Y-%m-%d') as sw_episode_id,
    child_id, social_worker_id, start_date, end_date, upper(reason_changed) as reason_changed, _load_id as load_id
from source
