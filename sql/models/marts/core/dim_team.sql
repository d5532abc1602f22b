-- One row per team: its service area. Teams the exports name but the teams seed does not know show as
-- 'Unmapped' so they are visible rather than lost.
with seeded as (
    select team_name, service_area, is_front_door from {{ ref('teams') }}
),

exported as (
    select distinct team as team_name from {{ ref('int_workers') }}
    union
    select distinct receiving_team from {{ ref('stg_case_management__contacts') }}
    union
    select distinct team from {{ ref('int_case_allocations') }}
)

select
    md5('team:' || t.team_name) as team_key,
    t.team_name,
    coalesce(s.service_area, 'Unmapped') as service_area,
    coalesce(s.is_front_door, false) as is_front_door,
    s.team_name is not null as is_in_teams_seed
from (
    select team_name from seeded
    union
    select team_name from exported where team_name is not null
) t
left join seeded s on s.team_name = t.team_name
