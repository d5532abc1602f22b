-- One row per 903 episode, in the same shape as stg_case_management__cla_episodes. The 903 has no episode
-- ID: child and start date identify an episode.
-- Overlapping episodes: in the 903 an episode's DEC is the next episode's DECOM. When an episode is still open,
-- or ends after, the child's next episode starts (a return built from a case system often has such overlaps),
-- it is cut at that start, and an open one is treated as rolling over into the next (REC X1), so no day of care
-- is counted twice and periods of care stay in sequence. is_overlap_trimmed marks the episodes cut.
-- A REC without a DEC (a DfE validation error the contract lets land) is ignored: the episode is open.
with latest as (
    {{ latest_source_rows('ssda903', 'episodes') }}
),

source as (
    select
        * replace (
            case when next_start is not null and (end_date is null or end_date > next_start) then next_start else end_date end as end_date,
            case when next_start is not null and end_date is null then 'X1' when end_date is null then null else reason_ended end as reason_ended
        ),
        next_start is not null and (end_date is null or end_date > next_start) as is_overlap_trimmed
    from (select *, lead(start_date) over (partition by child_id order by start_date) as next_start from latest)
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
    is_overlap_trimmed,
    _load_id as load_id
from source
