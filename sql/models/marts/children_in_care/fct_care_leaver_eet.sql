-- One row per care leaver per month end, aged 16 to 25: age, whether in touch, main activity (EET / NEET / not
-- known) and whether the accommodation is suitable, from the latest care-leaver contact on or before the month
-- end. Care leavers left care aged 16 or over after 13 weeks or more (short breaks excluded); those who died or
-- whose care was taken over by another council are not counted (DfE exclusions), nor are those whose latest
-- contact says they died or returned home for 6 months or more.
-- Periods of care known only from Annex A List 8 are left out: that list names only children looked after in the
-- workbook's 12 months, so it would pass off the newest leavers as the whole care-leaver population; from Annex A
-- alone the care-leaver measures have no figure rather than a partial one.
with leavers as (
    select p.child_id, max(p.period_end) as left_care_date, c.date_of_birth
    from {{ ref('int_cla_periods_of_care') }} p
    join {{ ref('int_children') }} c using (child_id)
    where
        not p.is_short_breaks_only
        and p.record_source <> 'stg_annex_a__cla_episodes'
        and p.period_end is not null
        and p.period_end - p.period_start >= 91
        and date_diff('year', c.date_of_birth, p.period_end) - case when strftime(p.period_end, '%m-%d') < strftime(c.date_of_birth, '%m-%d') then 1 else 0 end
        >= 16
        and coalesce(p.reason_ended, '') not in ('E2', 'E3', 'E11', 'E12')
    group by p.child_id, c.date_of_birth
),

months as (
    select m.month_start, m.month_end, m.financial_year, m.financial_quarter from {{ ref('int_month_ends') }} m
),

aged as (
    select
        l.*,
        m.*,
        date_diff('year', l.date_of_birth, m.month_end) - case when strftime(m.month_end, '%m-%d') < strftime(l.date_of_birth, '%m-%d') then 1 else 0 end as age
    from leavers l
    join months m on m.month_end >= l.left_care_date
),

latest as (
    select
        a.*,
        (
            select
                arg_max(
                    struct_pack(in_touch := c.in_touch, activity := c.activity, suitable := c.is_accommodation_suitable, contact_date := c.contact_date),
                    c.contact_date
                )
            from {{ ref('int_care_leaver_contacts') }} c
            where c.child_id = a.child_id and c.contact_date <= a.month_end
        ) as last_contact
    from aged a
    where a.age between 16 and 25
)

select
    {{ pseudonym_key("'care_leaver:' || l.child_id || ':' || l.month_end") }} as care_leaver_month_key,
    {{ pseudonym_key("'child:' || l.child_id") }} as child_key,
    l.month_end,
    l.month_start,
    l.financial_year,
    l.financial_quarter,
    l.age,
    l.left_care_date,
    l.age between 16 and 18 as is_aged_16_18,
    l.age between 17 and 18 as is_aged_17_18,
    l.age between 19 and 21 as is_aged_19_21,
    l.age between 19 and 25 as is_aged_19_25,
    l.last_contact.contact_date as last_contact_date,
    l.last_contact.contact_date >= cast(l.month_end - interval 12 month as date) as has_contact_in_last_12_months,
    coalesce(l.last_contact.in_touch, 'NO') as in_touch,
    coalesce(l.last_contact.in_touch = 'YES', false) as is_in_touch,
    case
        when act.eet_status in ('EET', 'NEET') then act.eet_status
        else 'Not known'
    end as activity_status,
    l.last_contact.activity,
    l.last_contact.suitable as is_accommodation_suitable,
    coalesce(l.last_contact.in_touch in ('DIED', 'RHOM'), false) as is_dfe_excluded
from latest l
left join {{ ref('care_leaver_activity') }} act on act.code = l.last_contact.activity
