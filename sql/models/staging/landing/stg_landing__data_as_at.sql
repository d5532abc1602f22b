-- The day each source's data is as at, from what its current files say rather than when they were copied: the
-- CIN census's ReferenceDate; the SSDA903 set's 31 March ending the collection year of its latest date; an Ofsted
-- Annex A's latest date. Other exports (case management, complaints) are as at the time the export was taken,
-- their file time. data_as_at is a moment: a return as at 31 March holds all of that day, so it is as at the
-- start of 1 April (the moment the demo's file times also give).
with loads as (
    select *, split_part(source, '.', 1) as system
    from {{ source('landing', 'loads') }}
    where status = 'loaded' and is_current
),

files as (
    select l.*, f.reference_date, f.latest_date
    from loads l
    left join {{ source('landing', 'file_as_at') }} f
        on f.source_file = split_part(l.source_file, '#', 1) and f.file_checksum = l.file_checksum
),

-- Each system's latest date and reference date, across its current files.
year_ends as (
    select
        system,
        max(latest_date) as latest_date,
        max(reference_date) as reference_date
    from files
    group by system
),

by_source as (
    select
        f.source,
        any_value(f.system) as system,
        count(*) as current_files,
        max(f.file_modified_at) as file_modified_at,
        max(f.finished_at) as loaded_at,
        sum(f.rows_landed) as rows_landed,
        sum(f.rows_rejected) as rows_rejected,
        max(f.latest_date) as latest_date,
        max(f.reference_date) as reference_date
    from files f
    group by f.source
),

content_day as (
    select
        s.*,
        case
            when s.system = 'cin_census' and s.reference_date is not null then s.reference_date
            -- The 903 files are one return: every table is as at the set's year end.
            -- (An in-year extract, landed before its year ends, is as at the day it was landed.)
            when s.system in ('cin_census', 'ssda903') and y.latest_date is not null
                then least(make_date(year(y.latest_date) + case when month(y.latest_date) >= 4 then 1 else 0 end, 3, 31), cast(s.loaded_at as date))
            when s.system = 'annex_a' then s.latest_date
        end as as_at_day,
        case
            when s.system = 'cin_census' and s.reference_date is not null then 'the census ReferenceDate'
            when s.system in ('cin_census', 'ssda903') and y.latest_date is not null then '31 March ending the collection year of the latest date in the return'
            when s.system = 'annex_a' and s.latest_date is not null then 'the latest date in the workbook'
        end as content_basis
    from by_source s
    left join year_ends y using (system)
)

select
    source,
    current_files,
    coalesce(cast(as_at_day + 1 as timestamp), file_modified_at) as data_as_at,
    coalesce(content_basis, 'the file time of the export') as data_as_at_basis,
    file_modified_at,
    loaded_at,
    rows_landed,
    rows_rejected
from content_day
