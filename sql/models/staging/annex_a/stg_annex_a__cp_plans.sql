-- Annex A List 7: child protection plans from the newest workbook, also shaped like
-- stg_case_management__cp_plans (the last fallback of int_cp_plans): child and start date identify a plan, the
-- category is the initial one (as for the CIN census), and the list's count of previous plans says whether it is
-- a repeat plan (the 12-month list alone cannot). Annex A does not link a plan to its enquiry (s47_id null).
with latest as (
    {{ annex_a_latest_return(source('annex_a', 'list_7_child_protection')) }}
),

source as (
    select *, row_number() over (partition by child_id, cp_plan_start_date order by _line_number) as occurrence
    from latest
)

select
    {{ annex_a_key('child_id', 'cp_plan_start_date', 'occurrence') }} as cp_plan_id,
    cp_plan_start_date as start_date,
    cp_plan_end_date as end_date,
    upper(initial_category) as category_of_abuse,
    cast(null as varchar) as s47_id,
    previous_cp_plans as previous_plans,
    child_id,
    gender as sex_code,
    ethnicity as ethnicity_code,
    date_of_birth,
    age_years,
    has_disability,
    cp_plan_start_date,
    initial_category,
    latest_category,
    last_visit_date,
    seen_alone,
    latest_review_date,
    cp_plan_end_date,
    emergency_order_last_6_months,
    previous_cp_plans,
    trim(allocated_team) as allocated_team,
    _load_id as load_id
from source
