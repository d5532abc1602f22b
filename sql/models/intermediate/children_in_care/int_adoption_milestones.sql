-- Adoption milestones: the case-management export when it has any rows, otherwise the SSDA903 (AD1,
-- PlacedAdoption and the episodes). Never both.
{{ prefer_source('stg_case_management__adoption_milestones', 'stg_ssda903__adoption_milestones',
    'child_id, adm_decision_date, matched_date, placed_date, order_date') }}
