-- One row per compliment. Overlapping export files may repeat one: the latest load (then the last line) wins.
with source as (
    select * from {{ source('complaints', 'compliments') }}
),

deduplicated as (
    select *
    from source
    qualify row_number() over (partition by compliment_reference order by _load_id desc, _line_number desc) = 1
)

select
    compliment_reference,
    received_date,
    trim(team) as team,
    trim(service_area) as recorded_service_area,
    _load_id as load_id
from deduplicated
