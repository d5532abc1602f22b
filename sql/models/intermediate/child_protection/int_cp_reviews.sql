-- Review conferences follow their plans' source (not their own), so a review always belongs to a plan that is
-- counted: the case-management reviews when the case-management export has plans, else the SSD's when the SSD has
-- plans, otherwise the CIN census's when the census has plans. Annex A records only a plan's latest review, so plans
-- from it have no reviews here (fct_cp_plans says "not known" for them).
with cm_plans as (select 1 from {{ ref('stg_case_management__cp_plans') }} limit 1),

ssd_plans as (select 1 from {{ ref('stg_ssd__cp_plans') }} limit 1),

cin_plans as (select 1 from {{ ref('stg_cin_census__cp_plans') }} limit 1)

select cp_review_id, cp_plan_id, review_date, 'stg_case_management__cp_reviews' as record_source
from {{ ref('stg_case_management__cp_reviews') }}
where exists (select 1 from cm_plans)
union all
select cp_review_id, cp_plan_id, review_date, 'stg_ssd__cp_reviews' as record_source
from {{ ref('stg_ssd__cp_reviews') }}
where not exists (select 1 from cm_plans) and exists (select 1 from ssd_plans)
union all
select cp_review_id, cp_plan_id, review_date, 'stg_cin_census__cp_reviews' as record_source
from {{ ref('stg_cin_census__cp_reviews') }}
where not exists (select 1 from cm_plans) and not exists (select 1 from ssd_plans) and exists (select 1 from cin_plans)
