-- Section 47 enquiries from the first source that has any (never a mix): the case-management export, else the
-- SSD (ssd_s47_enquiry with its ssd_initial_cp_conference), else the CIN census, else Annex A List 5 (no referral link; "ICPC required" null when the list does not say).
{{ first_source(['stg_case_management__s47_enquiries', 'stg_ssd__s47_enquiry', 'stg_cin_census__s47_enquiries', 'stg_annex_a__s47_enquiries'],
    's47_id, child_id, referral_id, start_date, is_icpc_required, icpc_date') }}
