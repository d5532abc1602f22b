-- Annex A List 8 shaped like stg_case_management__cla_episodes (the last fallback of int_cla_episodes). The list
-- gives one row per child looked after in the year with the period's start and end and only the *current* legal
-- status and placement (each with its start date), not the episodes between. So it yields what it can honestly
-- say: an episode starting the period of care (RNE 'S') and, when the current legal status or placement started
-- later, a second episode from that later date carrying them; the first one's legal status and placement are then
-- not known (null) and it rolls over (X1) into the second, whose own reason for starting is not known (null).
with source as (
    select
        *,
        -- When the facts the list carries last changed: the later of the legal status and placement start dates,
        -- within the period of care.
        least(
            greatest(
                started_looked_after_date,
                coalesce(legal_status_start_date, started_looked_after_date),
                coalesce(placement_start_date, started_looked_after_date)
            ),
            coalesce(ceased_looked_after_date, date '9999-12-31')
        ) as latest_change_date
    from {{ ref('stg_annex_a__children_in_care') }}
),

first_episodes as (
    select
        'annexa:' || child_id || ':' || strftime(started_looked_after_date, '%Y-%m-%d') as episode_id,
        child_id,
        started_looked_after_date as start_date,
        'S' as reason_new_episode,
        case when latest_change_date = started_looked_after_date then upper(legal_status) end as legal_status,
        upper(category_of_need) as category_of_need,
        case when latest_change_date = started_looked_after_date then upper(placement_type) end as placement_type,
        case when latest_change_date > started_looked_after_date then latest_change_date else ceased_looked_after_date end as end_date,
        case when latest_change_date > started_looked_after_date then 'X1' else upper(reason_ceased) end as reason_ended,
        load_id
    from source
),

latest_episodes as (
    select
        'annexa:' || child_id || ':' || strftime(latest_change_date, '%Y-%m-%d') as episode_id,
        child_id,
        latest_change_date as start_date,
        cast(null as varchar) as reason_new_episode,
        upper(legal_status) as legal_status,
        upper(category_of_need) as category_of_need,
        upper(placement_type) as placement_type,
        ceased_looked_after_date as end_date,
        upper(reason_ceased) as reason_ended,
        load_id
    from source
    where latest_change_date > started_looked_after_date
)

select * from first_episodes
union all
select * from latest_episodes
