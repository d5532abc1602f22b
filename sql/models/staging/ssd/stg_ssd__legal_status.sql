-- One row per legal status from ssd_legal_status (SSDA903 statuses and the others the SSD adds). Latest load wins.
with source as (
    {{ latest_source_rows('ssd', 'legal_status') }}
)

select
    lega_legal_status_id as legal_status_id,
    lega_person_id as child_id,
    upper(trim(lega_legal_status)) as legal_status,
    cast(lega_legal_status_start_date as date) as start_date,
    cast(lega_legal_status_end_date as date) as end_date,
    _load_id as load_id
from source
