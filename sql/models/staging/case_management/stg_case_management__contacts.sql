-- One row per contact. Overlapping export files may repeat a contact: the latest load (then the last line) wins.
with deduplicated as (
    {{ latest_source_rows('case_management', 'contacts') }}
)

select
    contact_id,
    child_id,
    contact_at,
    cast(contact_at as date) as contact_date,
    upper(source_code) as source_code,
    trim(receiving_team) as receiving_team,
    open_case as is_open_case,
    coalesce(domestic_abuse_notification, false) as is_domestic_abuse_notification,
    decision_at,
    cast(decision_at as date) as decision_date,
    outcome_code,
    _load_id as load_id
from deduplicated
