-- Children: the case-management children export when it has any rows, otherwise the SSDA903 Header.
{{ prefer_source('stg_case_management__children', 'stg_ssda903__header',
    'child_id, date_of_birth, sex_code, ethnicity_code, is_disabled, is_uasc') }}
