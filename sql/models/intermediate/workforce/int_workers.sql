-- Workers from the first source that has any (never a mix): the case-management workers export, else the SSD's
-- ssd_professionals (in post from first to last involvement, see stg_ssd__professionals).
{{ first_source(['stg_case_management__workers', 'stg_ssd__professionals'],
    'worker_id, team, role, fte, employment_type, start_date, leave_date') }}
