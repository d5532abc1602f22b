-- Adoption milestones from ssd_permanence, as int_adoption_milestones wants them: ADM decision, match, placement
-- and, for an adoption order, the order date (an SGO or child arrangements order is not an adoption). Only rows with
-- an ADM (should be placed for adoption) decision are adoption journeys; the rest stay in the raw table.
with source as (
    {{ latest_source_rows('ssd', 'permanence') }}
)

select
    perm_table_id as permanence_id,
    perm_person_id as child_id,
    cast(perm_adm_decision_date as date) as adm_decision_date,
    cast(perm_matched_date as date) as matched_date,
    cast(perm_placed_for_adoption_date as date) as placed_date,
    case when lower(perm_permanence_order_type) like 'adopt%' then cast(perm_permanence_order_date as date) end as order_date,
    perm_permanence_order_type as order_type,
    cast(perm_permanence_order_date as date) as permanence_order_date,
    _load_id as load_id
from source
where perm_adm_decision_date is not null
-- One adoption journey per child, as int_adoption_milestones holds them: the latest decision.
qualify row_number() over (partition by perm_person_id order by perm_adm_decision_date desc, perm_table_id desc) = 1
