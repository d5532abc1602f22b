-- Child protection plans: the case-management export when it has any rows, otherwise the CIN census. Never both.
{{ prefer_source('stg_case_management__cp_plans', 'stg_cin_census__cp_plans',
    'cp_plan_id, child_id, start_date, end_date, category_of_abuse, s47_id') }}
