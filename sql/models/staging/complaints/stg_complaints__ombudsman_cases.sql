-- One row per Ombudsman case. Overlapping export files may repeat a case as it is decided: the latest load
-- (then the last line) wins.
with source as (
    select * from {{ source('complaints', 'ombudsman_cases') }}
),

deduplicated as (
    select *
    from source
    qualify row_number() over (partition by ombudsman_reference order by _load_id desc, _line_number desc) = 1
)

select
    ombudsman_reference,
    trim(complaint_reference) as complaint_reference,
    procedure_code,
    received_date,
    decision_date,
    decision_code,
    _load_id as load_id
from deduplicated
