-- One row per comment. Overlapping export files may repeat one as it is answered: the latest load (then the
-- last line) wins.
with source as (
    select * from {{ source('complaints', 'comments') }}
),

deduplicated as (
    select *
    from source
    qualify row_number() over (partition by comment_reference order by _load_id desc, _line_number desc) = 1
)

select
    comment_reference,
    received_date,
    trim(team) as team,
    trim(comment_category) as comment_category,
    response_date,
    _load_id as load_id
from deduplicated
