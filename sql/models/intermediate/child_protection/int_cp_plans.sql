-- Child protection plans from the first source that has any (never a mix): the case-management export, else the
-- SSD, else the CIN census, else Annex A List 7. previous_plans is the number of earlier plans when the source states it
-- (Annex A only; the others' repeat plans are counted from their own history), else null.
{{ first_source(['stg_case_management__cp_plans', 'stg_ssd__cp_plans', 'stg_cin_census__cp_plans', 'stg_annex_a__cp_plans'],
    'cp_plan_id, child_id, start_date, end_date, category_of_abuse, s47_id, previous_plans') }}
