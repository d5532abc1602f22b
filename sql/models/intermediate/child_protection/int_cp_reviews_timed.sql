-- Each review conference with whether it was on time: the first within 3 months of the initial conference,
-- later ones within 6 months of the previous review.
with reviews as (
    select
        r.cp_review_id,
        r.cp_plan_id,
        r.review_date,
        p.start_date as plan_start,
        lag(r.review_date) over (partition by r.cp_plan_id order by r.review_date, r.cp_review_id) as previous_review_date
    from {{ ref('int_cp_reviews') }} r
    join {{ ref('int_cp_plans') }} p using (cp_plan_id)
)

select
    *,
    case
        when previous_review_date is null then review_date <= plan_start + interval 3 month
        else review_date <= previous_review_date + interval 6 month
    end as is_on_time
from reviews
