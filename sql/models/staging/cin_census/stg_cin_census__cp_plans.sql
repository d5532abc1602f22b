-- One row per CIN census child protection plan, in the same shape as stg_case_management__cp_plans: child and
-- start date identify a plan. The category is the initial one (as DfE counts plans starting in the year).
with source as (
    {{ latest_source_rows('cin_census', 'cp_plans') }}
)

select
    {{ cin_key('child_id', 'start_date', '1') }} as cp_plan_id,
    child_id,
    start_date,
    end_date,
    upper(initial_category) as category_of_abuse,
    upper(latest_category) as latest_category_of_abuse,
    cast(null as varchar) as s47_id,
    cast(null as integer) as previous_plans, -- repeat plans are counted from the census history (fct_cp_plans)
    _load_id as load_id
from source
