-- Episodes of care from the first source that has any (never a mix, so no episode is counted twice): the
-- case-management export (fuller and more current), else the SSD (ssd_cla_episodes with ssd_cla_placement and
-- ssd_legal_status), else the SSDA903 Episodes file, else Annex A List 8 (the
-- period of care and only its current legal status and placement; see stg_annex_a__cla_episodes).
{{ first_source(['stg_case_management__cla_episodes', 'stg_ssd__cla_episodes', 'stg_ssda903__episodes', 'stg_annex_a__cla_episodes'],
    'episode_id, child_id, start_date, reason_new_episode, legal_status, category_of_need, placement_type, end_date, reason_ended') }}
