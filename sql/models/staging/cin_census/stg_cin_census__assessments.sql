-- One row per CIN census assessment, in the same shape as stg_case_management__assessments. Key: child, start
-- date and occurrence; the referral is the episode (CINdetails) it sits in. The census records no outcome,
-- team or worker.
with numbered as (
    select *, row_number() over (partition by _load_id, child_id, start_date order by _line_number) as occurrence
    from {{ source('cin_census', 'assessments') }}
),

source as (
    {{ latest_rows('numbered', contract_key('cin_census', 'assessments') + ['occurrence']) }}
)

select
    {{ cin_key('child_id', 'start_date', 'occurrence') }} as assessment_id,
    child_id,
    {{ cin_key('child_id', 'referral_date', '1') }} as referral_id,
    start_date,
    authorised_date,
    cast(null as varchar) as outcome_code,
    cast(null as varchar) as team,
    cast(null as varchar) as worker_id,
    factors,
    _load_id as load_id
from source
