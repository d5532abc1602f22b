-- One row per child with a 'should be placed for adoption' decision in the 903, shaped like
-- stg_case_management__adoption_milestones. The decision is PlacedAdoption's DATE_PLACED (else AD1's DATE_INT),
-- the match is AD1's DATE_MATCH; the 903 dates placement and order through the episodes: placed for adoption =
-- the first episode with an adoption placement (A3-A6) from the match on (from the decision when not yet
-- matched); order = the end of an episode that ceased with an adoption order (REC E11/E12).
with placed as (
    select child_id, min(decision_date) as decision_date
    from ({{ latest_source_rows('ssda903', 'placed_adoption') }})
    group by child_id
),

ad1 as (
    {{ latest_source_rows('ssda903', 'ad1') }}
),

decisions as (
    select
        coalesce(p.child_id, a.child_id) as child_id,
        coalesce(p.decision_date, a.should_be_placed_date) as adm_decision_date,
        a.matched_date,
        coalesce(a._load_id, pl._load_id) as load_id
    from placed p
    full join ad1 a using (child_id)
    left join
        (select child_id, max(_load_id) as _load_id from {{ source('ssda903', 'placed_adoption') }} group by child_id) pl
        on pl.child_id = coalesce(p.child_id, a.child_id)
)

select
    d.child_id,
    d.adm_decision_date,
    d.matched_date,
    (
        select min(e.start_date) from {{ ref('stg_ssda903__episodes') }} e
        where
            e.child_id = d.child_id and e.start_date >= coalesce(d.matched_date, d.adm_decision_date)
            and e.placement_type in ('A3', 'A4', 'A5', 'A6')
    ) as placed_date,
    (
        select min(e.end_date) from {{ ref('stg_ssda903__episodes') }} e
        where e.child_id = d.child_id and e.reason_ended in ('E11', 'E12')
    ) as order_date,
    d.load_id
from decisions d
where d.adm_decision_date is not null
