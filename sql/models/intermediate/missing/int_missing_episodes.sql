-- Missing and away episodes from the first source that has any (never a mix, so no episode is counted twice): the
-- case-management export (all children, with return interviews), else the SSD's ssd_missing (return interviews
-- offered and accepted, but no offer date), else the SSDA903 Missing file (looked-after children only, dates
-- without times, no return interviews). is_missing: missing rather than away (MISSING / 903 'M').
{{ first_source(['stg_case_management__missing_episodes', 'stg_ssd__missing', 'stg_ssda903__missing'],
    "missing_id, child_id, upper(missing_type) = 'MISSING' as is_missing, start_at, end_at, is_return_interview_offered, return_interview_offered_at, is_return_interview_accepted") }}
