-- One row per care leaver contacts record, typed and renamed. Latest load wins on care_leaver_contact_id.
with source as (
    {{ latest_source_rows('case_management', 'care_leaver_contacts') }}
)

select
    care_leaver_contact_id,
    child_id,
    contact_date,
    upper(in_touch) as in_touch,
    upper(activity) as activity,
    upper(accommodation) as accommodation,
    accommodation_suitable as is_accommodation_suitable,
    _load_id as load_id
from source
