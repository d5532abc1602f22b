-- Looked-after reviews held, from ssd_cla_reviews, as int_cla_reviews wants them: the child is the one whose
-- episodes carry the review's clar_cla_id (or, in Mosaic, clar_cla_person_id). Cancelled reviews and those only
-- due are left out.
with source as (
    {{ latest_source_rows('ssd', 'cla_reviews') }}
),

cla as (
    select cla_id, any_value(child_id) as child_id from {{ ref('stg_ssd__cla_episodes') }} where cla_id is not null group by cla_id
)

select
    r.clar_cla_review_id as cla_review_id,
    coalesce(r.clar_cla_person_id, c.child_id) as child_id,
    cast(r.clar_cla_review_date as date) as review_date,
    cast(r.clar_cla_review_due_date as date) as due_date,
    r._load_id as load_id
from source r
left join cla c on c.cla_id = r.clar_cla_id
where r.clar_cla_review_date is not null and not coalesce(r.clar_cla_review_cancelled, false)
