-- Case allocations from ssd_involvements, as the case-allocation export gives them: who held each child's case,
-- in which team (the team ID resolved through ssd_department), from when to when.
with source as (
    {{ latest_source_rows('ssd', 'involvements') }}
)

select
    i.invo_involvements_id as allocation_id,
    i.invo_person_id as child_id,
    i.invo_professional_id as worker_id,
    coalesce(d.team_name, i.invo_professional_team) as team,
    cast(i.invo_involvement_start_date as date) as start_date,
    cast(i.invo_involvement_end_date as date) as end_date,
    i.invo_professional_role_id as role,
    i._load_id as load_id
from source i
left join {{ ref('stg_ssd__department') }} d on d.team_id = i.invo_professional_team
