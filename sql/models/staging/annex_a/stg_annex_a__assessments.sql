-- Annex A List 4: social-work assessments from the newest workbook (Y/N/U flags as in the return), also shaped
-- like stg_case_management__assessments (the last fallback of int_assessments). Annex A does not link an
-- assessment to its referral or record its outcome or worker ID, so those are null; its team is the allocated
-- team the list gives.
with latest as (
    {{ annex_a_latest_return(source('annex_a', 'list_4_assessments')) }}
),

source as (
    select *, row_number() over (partition by child_id, assessment_start_date order by _line_number) as occurrence
    from latest
)

select
    {{ annex_a_key('child_id', 'assessment_start_date', 'occurrence') }} as assessment_id,
    cast(null as varchar) as referral_id,
    assessment_start_date as start_date,
    assessment_authorised_date as authorised_date,
    cast(null as varchar) as outcome_code,
    trim(allocated_team) as team,
    cast(null as varchar) as worker_id,
    child_id,
    gender as sex_code,
    ethnicity as ethnicity_code,
    date_of_birth,
    age_years,
    has_disability,
    assessment_start_date,
    assessment_authorised_date,
    child_seen,
    needs_support,
    trim(allocated_team) as allocated_team,
    _load_id as load_id
from source
