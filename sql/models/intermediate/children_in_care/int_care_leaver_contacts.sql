-- Care leavers' circumstances from the first source that has any (never a mix): the case-management care-leaver
-- contacts, else the SSD's ssd_care_leavers (one record per young person at the latest contact), else the SSDA903 OC3 file (one dated record per young person), else Annex A List 9, either version
-- (one record per young person at the latest contact date, or the day the workbook was taken).
{{ first_source(['stg_case_management__care_leaver_contacts', 'stg_ssd__care_leavers', 'stg_ssda903__oc3', 'stg_annex_a__care_leavers'],
    'care_leaver_contact_id, child_id, contact_date, in_touch, activity, accommodation, is_accommodation_suitable') }}
