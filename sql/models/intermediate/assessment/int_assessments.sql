-- Assessments: the case-management export when it has any rows, otherwise the CIN census (which has no
-- outcome, team or worker). Never both.
{{ prefer_source('stg_case_management__assessments', 'stg_cin_census__assessments',
    'assessment_id, child_id, referral_id, start_date, authorised_date, outcome_code, team, worker_id') }}
