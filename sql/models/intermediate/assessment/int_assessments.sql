-- Assessments from the first source that has any (never a mix): the case-management export, else the Standard Safeguarding Dataset (SSD), else the CIN census
-- (no outcome, team or worker), else Annex A List 4 (start and authorisation dates and allocated team; no
-- outcome, worker or referral link).
{{ first_source(['stg_case_management__assessments', 'stg_ssd__cin_assessments', 'stg_cin_census__assessments', 'stg_annex_a__assessments'],
    'assessment_id, child_id, referral_id, start_date, authorised_date, outcome_code, team, worker_id') }}
