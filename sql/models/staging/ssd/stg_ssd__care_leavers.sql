-- Care leavers' circumstances from ssd_care_leavers, as int_care_leaver_contacts wants them: one record per young
-- person at their latest contact (the SSD keeps no contact history, like the SSDA903 OC3). A young person with no
-- contact date has no dated record to count, so is left out here (still in the raw table).
with source as (
    {{ latest_source_rows('ssd', 'care_leavers') }}
)

select
    c.clea_table_id as care_leaver_contact_id,
    c.clea_person_id as child_id,
    cast(c.clea_care_leaver_latest_contact as date) as contact_date,
    upper(c.clea_care_leaver_in_touch) as in_touch,
    upper(c.clea_care_leaver_activity) as activity,
    upper(c.clea_care_leaver_accommodation) as accommodation,
    s.is_suitable as is_accommodation_suitable,
    c.clea_care_leaver_eligibility as eligibility,
    cast(c.clea_pathway_plan_review_date as date) as pathway_plan_review_date,
    c._load_id as load_id
from source c
left join {{ ref('ssd_accommodation_suitable') }} s on s.code = c.clea_care_leaver_accom_suitable
where c.clea_care_leaver_latest_contact is not null
