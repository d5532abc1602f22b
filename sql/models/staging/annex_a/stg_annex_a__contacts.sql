-- Annex A List 1 contacts, shaped like stg_case_management__contacts. Annex A has no contact reference, time,
-- receiving team, open-case flag, decision or outcome, so those are null and say "not recorded by this source".
-- Workbooks overlap (each covers 12 months): for each day, the most recently landed workbook whose contact dates
-- span that day wins, so re-sending a later Annex A never double counts. The contact ID is a hash of the child, the day, the
-- source and the contact's occurrence number among identical rows, so it is stable between runs.
with source as (
    select * from {{ source('annex_a', 'list_1_contacts') }}
),

coverage as (
    select _load_id, min(contact_date) as first_day, max(contact_date) as last_day
    from source
    group by _load_id
),

current_rows as (
    select s.*
    from source s
    where not exists (
        select 1 from coverage c
        where c._load_id > s._load_id and s.contact_date between c.first_day and c.last_day
    )
),

numbered as (
    select
        *,
        row_number() over (partition by child_id, contact_date, source_code order by _load_id, _line_number) as occurrence
    from current_rows
)

select
    'annexa:' || md5(child_id || '|' || strftime(contact_date, '%Y-%m-%d') || '|' || upper(source_code) || '|' || occurrence) as contact_id,
    child_id,
    cast(contact_date as timestamp) as contact_at,
    contact_date,
    upper(source_code) as source_code,
    cast(null as varchar) as receiving_team,
    cast(null as boolean) as is_open_case,
    cast(null as boolean) as is_domestic_abuse_notification,
    cast(null as timestamp) as decision_at,
    cast(null as date) as decision_date,
    cast(null as varchar) as outcome_code,
    gender as sex_code,
    ethnicity as ethnicity_code,
    date_of_birth,
    age_years,
    _load_id as load_id
from numbered
