-- One row per child in the 903 PrevPerm file: the permanence order they had before entering care, if any.
with source as (
    {{ latest_source_rows('ssda903', 'prev_perm') }}
)

select child_id, upper(previous_permanence) as previous_permanence, previous_la, previous_permanence_date, _load_id as load_id
from source
