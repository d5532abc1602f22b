-- One row per child entering care (each period of care): reviews and their timeliness, the permanence plan and
-- whether it was recorded by the second review, how (and how fast) care ended, and the adoption milestones
-- (ADM decision -> match -> placed -> order) for children with an adoption decision. Periods of care known only
-- from Annex A List 8 have no review history (int_cla_reviews has no Annex A fallback), so their review timeliness
-- is null ("not known") rather than false.
with periods as (
    select * from {{ ref('int_cla_periods_of_care') }} where not is_short_breaks_only
),

reviews as (
    select
        p.child_id,
        p.period_number,
        r.review_date,
        row_number() over (partition by p.child_id, p.period_number order by r.review_date, r.cla_review_id) as review_number
    from periods p
    join {{ ref('int_cla_reviews') }} r
        on r.child_id = p.child_id and r.review_date >= p.period_start and (p.period_end is null or r.review_date <= p.period_end)
),

first_two as (
    select
        child_id,
        period_number,
        max(review_date) filter (where review_number = 1) as first_review_date,
        max(review_date) filter (where review_number = 2) as second_review_date
    from reviews
    group by child_id, period_number
),

plans as (
    select
        p.child_id,
        p.period_number,
        min(pp.recorded_date) as first_plan_date,
        arg_min(pp.plan_type, pp.recorded_date) as first_plan_type,
        arg_max(pp.plan_type, pp.recorded_date) as latest_plan_type
    from periods p
    join {{ ref('stg_case_management__permanence_plans') }} pp
        on pp.child_id = p.child_id and pp.recorded_date >= p.period_start and (p.period_end is null or pp.recorded_date <= p.period_end)
    group by p.child_id, p.period_number
)

select
    {{ pseudonym_key("'care:' || p.child_id || ':' || p.period_number") }} as period_of_care_key,
    {{ pseudonym_key("'child:' || p.child_id") }} as child_key,
    p.period_start as entered_care_date,
    d.financial_year as entered_care_financial_year,
    d.month_start as entered_care_month,
    p.period_end as left_care_date,
    p.period_end is null as is_looked_after,
    f.first_review_date,
    f.second_review_date,
    cast(date_trunc('month', f.second_review_date) as date) as second_review_month,
    case when p.record_source <> 'stg_annex_a__cla_episodes' then coalesce({{ working_days_between('p.period_start', 'f.first_review_date') }} <= 20, false) end
        as is_first_review_on_time,
    case when p.record_source <> 'stg_annex_a__cla_episodes' then coalesce(f.second_review_date <= f.first_review_date + interval 3 month, false) end
        as is_second_review_on_time,
    pl.first_plan_date as permanence_plan_date,
    coalesce(pl.first_plan_type, 'NYI') as first_permanence_plan,
    coalesce(pl.latest_plan_type, 'NYI') as latest_permanence_plan,
    -- Only the case-management permanence-plans export records plans: without one (SSD or returns only) this is
    -- not known (null), not "no plan".
    case when exists (select 1 from {{ ref('stg_case_management__permanence_plans') }}) then coalesce(pl.first_plan_date <= f.second_review_date, false) end
        as has_plan_by_second_review,
    p.reason_ended,
    rec.outcome_group as care_outcome,
    case when rec.outcome_group in ('Special guardianship order', 'Adoption', 'Child arrangements order') then p.period_end - p.period_start end
        as days_to_order,
    ad.adm_decision_date,
    ad.matched_date,
    ad.placed_date as placed_for_adoption_date,
    ad.order_date as adoption_order_date,
    ad.matched_date - ad.adm_decision_date as days_adm_decision_to_match,
    ad.placed_date - ad.matched_date as days_match_to_placed,
    ad.order_date - ad.placed_date as days_placed_to_order,
    p.record_source
from periods p
left join {{ ref('dim_date') }} d on d.date_day = p.period_start
left join first_two f using (child_id, period_number)
left join plans pl using (child_id, period_number)
left join {{ ref('cla_reasons_episode_ceased') }} rec on rec.code = p.reason_ended
left join {{ ref('int_adoption_milestones') }} ad
    on ad.child_id = p.child_id and ad.adm_decision_date >= p.period_start and (p.period_end is null or ad.adm_decision_date <= p.period_end)
