-- Each CLA review in its period of care, numbered, with the timescale it had to meet and whether it did: the first
-- within 20 working days of the child becoming looked after, the second within 3 months of the first, later ones
-- within 6 months of the previous (Care Planning Regulations 2010, reg. 33). Short-break-only periods (V3/V4) are
-- left out: they have their own timescales.
-- The SSDA903 holds only its collection years' reviews (from 1 April): for a period of care that began before the
-- first of them, the reviews before are not known, so its first recorded review has no known number or timescale
-- (is_on_time null) and later ones are held to the 6-month rule. The case-management export holds the history.
with coverage as (
    select
        case
            when any_value(record_source) = 'stg_ssda903__reviews'
                then make_date(year(min(review_date) - interval 3 month), 4, 1) -- the 1 April on or before the earliest
        end as reviews_known_from
    from {{ ref('int_cla_reviews') }}
),

periods as (
    select * from {{ ref('int_cla_periods_of_care') }} where not is_short_breaks_only
),

reviews as (
    select
        r.cla_review_id,
        p.child_id,
        p.period_number,
        p.period_start,
        r.review_date,
        coalesce(p.period_start >= c.reviews_known_from, true) as is_sequence_known,
        row_number() over w as recorded_number,
        lag(r.review_date) over w as previous_review_date,
        r.record_source
    from periods p
    cross join coverage c
    join {{ ref('int_cla_reviews') }} r
        on r.child_id = p.child_id and r.review_date >= p.period_start and (p.period_end is null or r.review_date <= p.period_end)
    window w as (partition by p.child_id, p.period_number order by r.review_date, r.cla_review_id)
),

numbered as (
    select
        *,
        case when is_sequence_known then recorded_number end as review_number,
        case
            when is_sequence_known and recorded_number = 1 then 'first'
            when is_sequence_known and recorded_number = 2 then 'second'
            when is_sequence_known or recorded_number > 1 then 'subsequent'
        end as timescale
    from reviews
)

select
    cla_review_id,
    child_id,
    period_number,
    period_start,
    review_date,
    review_number,
    timescale,
    previous_review_date,
    case timescale
        when 'first' then {{ working_days_between('period_start', 'review_date') }} <= 20
        when 'second' then review_date <= previous_review_date + interval 3 month
        when 'subsequent' then review_date <= previous_review_date + interval 6 month
    end as is_on_time,
    record_source
from numbered
