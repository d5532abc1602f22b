-- One row per SSD team or department: the name other SSD tables' *_team IDs resolve to. Latest load wins.
with source as (
    {{ latest_source_rows('ssd', 'department') }}
)

select
    dept_team_id as team_id,
    trim(dept_team_name) as team_name,
    dept_team_parent_id as parent_team_id,
    trim(dept_team_parent_name) as parent_team_name,
    _load_id as load_id
from source
