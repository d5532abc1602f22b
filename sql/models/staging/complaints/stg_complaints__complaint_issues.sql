-- One row per issue raised in a complaint. Overlapping export files may repeat an issue: the latest load
-- (then the last line) wins.
with source as (
    select * from {{ source('complaints', 'complaint_issues') }}
),

deduplicated as (
    select *
    from source
    qualify row_number() over (partition by issue_id order by _load_id desc, _line_number desc) = 1
)

select
    issue_id,
    complaint_reference,
    issue_category as issue_category_code,
    issue_outcome as issue_outcome_code,
    _load_id as load_id
from deduplicated
