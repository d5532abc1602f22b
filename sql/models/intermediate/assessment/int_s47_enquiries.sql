-- Section 47 enquiries: the case-management export when it has any rows, otherwise the CIN census. Never both.
{{ prefer_source('stg_case_management__s47_enquiries', 'stg_cin_census__s47_enquiries',
    's47_id, child_id, referral_id, start_date, is_icpc_required, icpc_date') }}
