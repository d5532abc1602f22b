-- Referrals from the first source that has any (never a mix; macro first_source): the case-management export,
-- else the SSD's ssd_cin_episodes (no contact link), else the CIN census XML (keys derived from child, date and occurrence), else Annex A List 3 (no primary need
-- or contact link, so those are null; is_nfa is null where the list leaves it blank). previous_referrals_12_months
-- is the count the source states (Annex A only), else null.
{{ first_source(['stg_case_management__referrals', 'stg_ssd__cin_episodes', 'stg_cin_census__referrals', 'stg_annex_a__referrals'],
    'referral_id, child_id, referral_date, source_code, contact_id, primary_need_code, is_nfa, previous_referrals_12_months') }}
