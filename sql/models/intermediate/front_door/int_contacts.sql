-- Every contact, from the one source that covers them. Precedence (see macro first_source): the case-management
-- contacts export when it has any rows, else the SSD's ssd_contacts, else Annex A List 1. A custom export wins
-- because it records what the others cannot: the receiving team, whether the case was open, and the decision time.
{{ first_source(['stg_case_management__contacts', 'stg_ssd__contacts', 'stg_annex_a__contacts'],
    'contact_id, child_id, contact_at, contact_date, source_code, receiving_team, is_open_case, is_domestic_abuse_notification, decision_at, decision_date, outcome_code, load_id') }}
