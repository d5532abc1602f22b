-- Every day a child's record can hold (the date_limits seed: 1 January 1900 to 31 December twenty years after this
-- year; landing rejects any other date), so every landed date has its day here and no join to the calendar loses
-- a row. The calendars the measures need: ISO weeks (Mon-Sun), financial years (April start) and working days
-- (weekdays that are not England & Wales bank holidays; the seed of bank holidays covers 2015-2030, outside it
-- only weekends are known: bank_holidays_known says which days).
with limits as (
    select make_date(earliest_year, 1, 1) as first_day, make_date(year(current_date) + years_ahead, 12, 31) as last_day
    from {{ ref('date_limits') }}
),

days as (
    select cast(unnest(generate_series(cast(first_day as timestamp), cast(last_day as timestamp), interval 1 day)) as date) as date_day
    from limits
),

holidays as (
    select holiday_date, holiday_name from {{ ref('bank_holidays_england_wales') }}
),

flagged as (
    select
        d.date_day,
        isodow(d.date_day) >= 6 as is_weekend,
        h.holiday_date is not null as is_bank_holiday,
        h.holiday_name as bank_holiday_name,
        year(d.date_day) between (select min(year(holiday_date)) from holidays) and (select max(year(holiday_date)) from holidays) as bank_holidays_known
    from days d
    left join holidays h on h.holiday_date = d.date_day
)

select
    date_day,
    cast(date_trunc('week', date_day) as date) as week_start,
    cast(date_trunc('week', date_day) as date) + 6 as week_end,
    isoyear(date_day) as iso_year,
    week(date_day) as iso_week,
    isodow(date_day) as iso_day_of_week,
    strftime(date_day, '%A') as day_name,
    cast(date_trunc('month', date_day) as date) as month_start,
    strftime(date_day, '%B %Y') as month_name,
    case when month(date_day) >= 4 then year(date_day) else year(date_day) - 1 end as financial_year_start,
    cast((case when month(date_day) >= 4 then year(date_day) else year(date_day) - 1 end) as varchar)
    || '/' || lpad(cast(((case when month(date_day) >= 4 then year(date_day) else year(date_day) - 1 end + 1) % 100) as varchar), 2, '0')
        as financial_year,
    ((month(date_day) + 8) % 12) // 3 + 1 as financial_quarter,
    is_weekend,
    is_bank_holiday,
    bank_holiday_name,
    bank_holidays_known,
    not is_weekend and not is_bank_holiday as is_working_day,
    -- Working days on or before this date; equal across a weekend, so differences count working days.
    sum(case when not is_weekend and not is_bank_holiday then 1 else 0 end)
        over (order by date_day rows between unbounded preceding and current row) as working_day_number
from flagged
