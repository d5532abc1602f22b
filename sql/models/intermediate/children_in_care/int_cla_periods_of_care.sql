-- Periods of care: a run of episodes from one that starts care (RNE 'S') to the one that ends it (any reason
-- other than X1, "episode ceases and a new one begins"). Short-break-only periods (V3/V4) are flagged.
with episodes as (
    select
        *,
        sum(case when reason_new_episode = 'S' then 1 else 0 end)
            over (partition by child_id order by start_date, episode_id rows unbounded preceding) as period_number
    from {{ ref('int_cla_episodes') }}
)

select
    child_id,
    period_number,
    min(start_date) as period_start,
    -- The period ends with its last episode's end, unless that episode just rolled over into another (X1).
    case when arg_max(reason_ended, start_date) = 'X1' then null else arg_max(end_date, start_date) end as period_end,
    case when arg_max(reason_ended, start_date) = 'X1' then null else arg_max(reason_ended, start_date) end as reason_ended,
    bool_and(legal_status in ('V3', 'V4')) as is_short_breaks_only,
    count(*) as episodes,
    any_value(record_source) as record_source -- int_cla_episodes never mixes sources
from episodes
where period_number > 0
group by child_id, period_number
