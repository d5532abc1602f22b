-- Contacts from ssd_contacts, as int_contacts wants them. The SSD records the contact's date and source and its
-- outcome flags (cont_contact_outcome_json), but no receiving team, open-case flag, domestic-abuse flag or
-- decision time: those are null (not known), and fct_contacts says so.
with source as (
    {{ latest_source_rows('ssd', 'contacts') }}
),

flags as (
    select
        *,
        {{ ssd_json_flag('cont_contact_outcome_json', 'NEW_REFERRAL_FLAG') }} as is_new_referral,
        {{ ssd_json_flag('cont_contact_outcome_json', 'EXISTING_REFERRAL_FLAG') }} as is_existing_referral,
        {{ ssd_json_flag('cont_contact_outcome_json', 'ADVICE_FLAG') }} as is_advice,
        {{ ssd_json_flag('cont_contact_outcome_json', 'NFA_FLAG') }} as is_nfa
    from source
)

select
    cont_contact_id as contact_id,
    cont_person_id as child_id,
    cont_contact_date as contact_at,
    cast(cont_contact_date as date) as contact_date,
    upper(cont_contact_source_code) as source_code,
    cast(null as varchar) as receiving_team,
    cast(null as boolean) as is_open_case,
    cast(null as boolean) as is_domestic_abuse_notification,
    cast(null as timestamp) as decision_at,
    cast(null as date) as decision_date,
    -- The SSD's flags as the contact outcome codes (seed contact_outcomes); early help has no flag of its own.
    case
        when is_new_referral or is_existing_referral then 'REF'
        when is_advice then 'ADV'
        when is_nfa then 'NFA'
    end as outcome_code,
    _load_id as load_id
from flags
