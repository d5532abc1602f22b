-- One row per episode of a child missing or away (from home or from care): when it started and ended, whether the
-- child was looked after at the time, and the return home interview: offered, offered within 72 hours of the
-- return (statutory guidance, 2014: the 72 hours run from the return, not from going missing), accepted.
-- What a source does not record is null ("not known"): the 903 has no return interviews; an offer with no date
-- has no known timeliness.
with episodes as (
    select * from {{ ref('int_missing_episodes') }}
)

select
    {{ pseudonym_key("'missing:' || e.missing_id") }} as missing_episode_key,
    {{ pseudonym_key("'child:' || e.child_id") }} as child_key,
    case when e.is_missing then 'Missing' else 'Away' end as missing_type,
    e.is_missing,
    e.start_at,
    e.end_at,
    cast(date_trunc('month', e.start_at) as date) as start_month,
    cast(date_trunc('month', e.end_at) as date) as return_month,
    e.end_at is not null as is_returned,
    -- The 903 Missing file holds only looked-after children's episodes; otherwise an episode of care covers the day.
    e.record_source = 'stg_ssda903__missing' or exists (
        select 1 from {{ ref('int_cla_episodes') }} c
        where
            c.child_id = e.child_id and c.start_date <= cast(e.start_at as date)
            and (c.end_date is null or c.end_date > cast(e.start_at as date))
    ) as is_looked_after,
    e.is_return_interview_offered,
    e.return_interview_offered_at,
    date_diff('minute', e.end_at, e.return_interview_offered_at) / 60.0 as hours_from_return_to_offer,
    case
        when e.end_at is null or e.is_return_interview_offered is null then null
        when not e.is_return_interview_offered then false
        when e.return_interview_offered_at is null then null
        else e.return_interview_offered_at <= e.end_at + interval 72 hour
    end as is_offered_within_72_hours,
    e.is_return_interview_accepted,
    e.record_source
from episodes e
