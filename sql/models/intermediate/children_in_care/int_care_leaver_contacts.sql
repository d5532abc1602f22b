-- Care leavers' circumstances: the case-management care-leaver contacts when that export has any rows,
-- otherwise the SSDA903 OC3 file (one dated record per young person).
{{ prefer_source('stg_case_management__care_leaver_contacts', 'stg_ssda903__oc3',
    'care_leaver_contact_id, child_id, contact_date, in_touch, activity, accommodation, is_accommodation_suitable') }}
