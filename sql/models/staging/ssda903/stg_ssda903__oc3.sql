-- One row per OC3 care leaver, shaped like stg_case_management__care_leaver_contacts. OC3 records the young
-- person's circumstances around their birthday in the collection year, so the "contact" is dated at their
-- latest birthday before the day after the return's as-at day (a return as at 31 March holds the year to 31
-- March, so a 1 April birthday there is last year's). ACCOM is type + suitability (U1, S2).
with source as (
    {{ latest_source_rows('ssda903', 'oc3') }}
),

dated as (
    select
        s.*,
        -- The day after the return's as-at day (its year's 31 March), read from the 903 set, not the file's time.
        cast(a.data_as_at as date) as file_date
    from source s
    join {{ ref('stg_landing__data_as_at') }} a on a.source = 'ssda903.oc3'
),

birthdays as (
    select
        *,
        make_date(year(file_date), month(date_of_birth), least(day(date_of_birth), day(last_day(make_date(year(file_date), month(date_of_birth), 1)))))
            as birthday_this_year
    from dated
)

select
    '903:' || child_id as care_leaver_contact_id,
    child_id,
    case when birthday_this_year < file_date then birthday_this_year else cast(birthday_this_year - interval 1 year as date) end as contact_date,
    upper(in_touch) as in_touch,
    upper(activity) as activity,
    case when accommodation = '0' then null else upper(left(accommodation, 1)) end as accommodation,
    case when accommodation in ('0') or accommodation is null then null else right(accommodation, 1) = '1' end as is_accommodation_suitable,
    _load_id as load_id
from birthdays
