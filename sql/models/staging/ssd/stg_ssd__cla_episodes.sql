-- Episodes of care from ssd_cla_episodes, as int_cla_episodes wants them. The SSD keeps an episode's placement in
-- ssd_cla_placement (clae_cla_placement_id) and the child's legal statuses in ssd_legal_status: an episode's legal
-- status is the SSDA903 status (seed cla_legal_status) in force on the day it started, its placement type that of
-- its placement.
with source as (
    {{ latest_source_rows('ssd', 'cla_episodes') }}
),

statuses as (
    select l.* from {{ ref('stg_ssd__legal_status') }} l
    join {{ ref('cla_legal_status') }} s on s.code = l.legal_status
),

episodes as (
    select
        e.*,
        (
            select arg_max(l.legal_status, l.start_date) from statuses l
            where
                l.child_id = e.clae_person_id and l.start_date <= cast(e.clae_cla_episode_start_date as date)
                and (l.end_date is null or l.end_date > cast(e.clae_cla_episode_start_date as date))
        ) as legal_status
    from source e
)

select
    e.clae_cla_episode_id as episode_id,
    e.clae_person_id as child_id,
    cast(e.clae_cla_episode_start_date as date) as start_date,
    upper(e.clae_cla_episode_start_reason) as reason_new_episode,
    e.legal_status,
    upper(e.clae_cla_primary_need_code) as category_of_need,
    p.placement_type,
    cast(e.clae_cla_episode_ceased_date as date) as end_date,
    upper(e.clae_cla_episode_ceased_reason) as reason_ended,
    e.clae_cla_id as cla_id,
    e._load_id as load_id
from episodes e
left join {{ ref('stg_ssd__cla_placement') }} p on p.placement_id = e.clae_cla_placement_id
