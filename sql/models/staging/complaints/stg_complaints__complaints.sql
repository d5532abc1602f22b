-- One row per complaint record (one per stage). Overlapping export files may repeat a complaint as it moves
-- on (opened, then responded): the latest load (then the last line) wins, so the newest state is kept.
with source as (
    select * from {{ source('complaints', 'complaints') }}
),

deduplicated as (
    select *
    from source
    qualify row_number() over (partition by complaint_reference order by _load_id desc, _line_number desc) = 1
)

select
    complaint_reference,
    received_date,
    procedure_code,
    stage_code,
    cast(stage_code as integer) as stage,
    trim(escalated_from) as escalated_from_reference,
    trim(team) as team,
    trim(service_area) as recorded_service_area,
    outcome_code,
    response_date,
    -- Blank means the export did not flag it: no extension was agreed, not made by a young person.
    coalesce(extension_agreed, false) as is_extension_agreed,
    coalesce(complainant_is_young_person, false) as is_from_young_person,
    _load_id as load_id
from deduplicated
