-- Annex A List 9 care leavers, both versions: the newest workbook's rows of whichever version it used (the older
-- one has no UASC, personal adviser, pathway plan or latest contact columns, so those are null).
-- Accommodation suitability is 1 (suitable) or 2 (unsuitable), as the OC3 ACCOM suffix.
-- Also shaped like stg_case_management__care_leaver_contacts (the last fallback of int_care_leaver_contacts): one
-- "contact" per young person dated at the list's latest contact date; the older version has none, so its
-- circumstances are dated at the workbook's data-as-at day (the day after its latest date: what the list records is as at then).
with current_version as (
    {{ annex_a_latest_return(source('annex_a', 'list_9_care_leavers')) }}
),

older_version as (
    {{ annex_a_latest_return(source('annex_a', 'list_9_care_leavers_older')) }}
),

both_versions as (
    select
        child_id, gender, ethnicity, date_of_birth, age_years, is_uasc, has_disability, allocated_team, eligibility,
        pathway_plan_review_date, in_touch, latest_contact_date, accommodation, accommodation_suitability, activity,
        'current' as list_version, _load_id
    from current_version
    union all
    select
        child_id, gender, ethnicity, date_of_birth, age_years, cast(null as boolean), has_disability, allocated_team, eligibility,
        cast(null as date), in_touch, cast(null as date), accommodation, accommodation_suitability, activity,
        'older' as list_version, _load_id
    from older_version
)

-- When both versions were landed, the newer load wins.
select
    'annexa:' || child_id as care_leaver_contact_id,
    coalesce(
        latest_contact_date,
        (
            select cast(a.data_as_at as date)
            from {{ ref('stg_landing__data_as_at') }} a
            where a.source = 'annex_a.list_9_care_leavers' || case when list_version = 'older' then '_older' else '' end
        )
    ) as contact_date,
    child_id,
    gender as sex_code,
    ethnicity as ethnicity_code,
    date_of_birth,
    age_years,
    is_uasc,
    has_disability,
    trim(allocated_team) as allocated_team,
    eligibility,
    pathway_plan_review_date,
    upper(in_touch) as in_touch,
    latest_contact_date,
    upper(accommodation) as accommodation,
    accommodation_suitability = '1' as is_accommodation_suitable,
    upper(activity) as activity,
    list_version,
    _load_id as load_id
from both_versions
where _load_id = (select max(_load_id) from both_versions)
