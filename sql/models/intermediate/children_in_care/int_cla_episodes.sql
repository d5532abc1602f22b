-- Episodes of care from whichever source the council provides. Precedence: the case-management export when it
-- has any rows (it is fuller and more current), otherwise the SSDA903 return's Episodes file. Never both, so
-- no episode is counted twice.
{{ prefer_source('stg_case_management__cla_episodes', 'stg_ssda903__episodes',
    'episode_id, child_id, start_date, reason_new_episode, legal_status, category_of_need, placement_type, end_date, reason_ended') }}
