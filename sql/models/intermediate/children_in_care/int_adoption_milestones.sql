-- Adoption milestones from the first source that has any (never a mix): the case-management export, else the
-- SSD's ssd_permanence, else the SSDA903 (AD1, PlacedAdoption and the episodes), else Annex A List 10 (decision, match, placement and order
-- dates as the list gives them).
{{ first_source(['stg_case_management__adoption_milestones', 'stg_ssd__permanence', 'stg_ssda903__adoption_milestones', 'stg_annex_a__adoption'],
    'child_id, adm_decision_date, matched_date, placed_date, order_date') }}
