-- Child protection plans from ssd_cp_plans, as int_cp_plans wants them. The SSD writes the category of abuse as
-- its label ("Neglect", "Multiple: ..."), matched here to the DfE codes (seed cp_abuse_categories); the S47 the
-- plan came from is the one its initial conference names.
with source as (
    {{ latest_source_rows('ssd', 'cp_plans') }}
),

conferences as (
    select icpc_id, cp_plan_id, s47_id from {{ ref('stg_ssd__initial_cp_conference') }}
)

select
    p.cppl_cp_plan_id as cp_plan_id,
    p.cppl_person_id as child_id,
    cast(p.cppl_cp_plan_start_date as date) as start_date,
    cast(p.cppl_cp_plan_end_date as date) as end_date,
    case
        when lower(trim(p.cppl_cp_plan_initial_category)) like 'multiple%' then 'MUL'
        else cat.code
    end as category_of_abuse,
    coalesce(by_icpc.s47_id, by_plan.s47_id) as s47_id,
    cast(null as integer) as previous_plans,
    p._load_id as load_id
from source p
left join {{ ref('cp_abuse_categories') }} cat
    on lower(cat.label) = lower(trim(p.cppl_cp_plan_initial_category)) or upper(cat.code) = upper(trim(p.cppl_cp_plan_initial_category))
left join conferences by_icpc on by_icpc.icpc_id = p.cppl_icpc_id
left join conferences by_plan on p.cppl_icpc_id is null and by_plan.cp_plan_id = p.cppl_cp_plan_id
qualify row_number() over (partition by p.cppl_cp_plan_id order by by_plan.icpc_id) = 1
