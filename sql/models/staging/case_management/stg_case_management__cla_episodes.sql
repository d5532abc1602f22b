-- One row per cla episodes record, typed and renamed. Latest load wins on episode_id.
with source as (
    {{ latest_source_rows('case_management', 'cla_episodes') }}
)

select
    episode_id,
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
