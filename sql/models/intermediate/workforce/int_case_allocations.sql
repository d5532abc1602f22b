-- Case allocations from the first source that has any (never a mix): the case-management allocations export, else
-- the SSD's ssd_involvements.
{{ first_source(['stg_case_management__case_allocations', 'stg_ssd__involvements'],
    'allocation_id, child_id, worker_id, team, start_date, end_date') }}
