-- One row per 903 episode, in the same shape as stg_case_management__cla_episodes. The 903 has no episode
-- ID: child and start date identify an episode.
with source as (
    {{ latest_rows(source('ssda903', 'episodes'), "child_id || '|' || start_date") }}
)

select
    '903:' || child_id || ':' || strftime(start_date, '%Y-%m-%d') as episode_id,
    child_id,
    start_date,
    upper(reason_new_episode) as reason_new_episode,
    upper(legal_status) as legal_status,
    upper(category_of_need) as category_of_need,
    upper(placement_type) as placement_type,
    end_date,
    upper(reason_ended) as reason_ended,
    _load_id as load_id
from source
