-- Children from the first source that has any (never a mix): the case-management children export, else the
-- SSD's ssd_person, else the SSDA903 Header, else the CIN census ChildIdentifiers / ChildCharacteristics, else the child columns Annex A
-- lists repeat (stg_annex_a__children).
{{ first_source(['stg_case_management__children', 'stg_ssd__person', 'stg_ssda903__header', 'stg_cin_census__children', 'stg_annex_a__children'],
    'child_id, date_of_birth, sex_code, ethnicity_code, is_disabled, is_uasc') }}
