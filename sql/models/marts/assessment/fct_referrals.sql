-- One row per referral, with whether it was a re-referral: the same child referred within the 12 months
-- before (DfE CIN census: a referral within 12 months of a previous referral). The previous referral is the latest
-- on an earlier day: two referrals of one child on the same day are one episode of concern, not a re-referral; one
-- exactly 12 months after the last is within 12 months. (Definition in seeds/kpi_definitions.csv, the same rule.)
-- Where the source states how many referrals the child had in the 12 months before (Annex A List 3), that count
-- decides, as a 12-month list has no earlier rows.
with referrals as (
    select * from {{ ref('int_referrals') }}
),

sequenced as (
    select
        *,
        max(referral_date) over (
            partition by child_id order by referral_date
            range between unbounded preceding and interval 1 day preceding
        ) as previous_referral_date
    from referrals
)

select
    {{ pseudonym_key("'referral:' || r.referral_id") }} as referral_key,
    {{ pseudonym_key("'child:' || r.child_id") }} as child_key,
    r.referral_date,
    d.week_start,
    d.month_start,
    d.financial_year,
    d.financial_quarter,
    r.source_code,
    s.source_group,
    r.primary_need_code,
    r.is_nfa,
    r.previous_referral_date,
    case
        when r.previous_referrals_12_months is not null then r.previous_referrals_12_months > 0
        else coalesce(r.previous_referral_date >= r.referral_date - interval 12 month, false)
    end as is_re_referral_within_12_months,
    r.record_source
from sequenced r
left join {{ ref('dim_date') }} d on d.date_day = r.referral_date
left join {{ ref('contact_sources') }} s on s.source_code = r.source_code
