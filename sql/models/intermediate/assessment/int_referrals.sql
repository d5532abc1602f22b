-- Referrals from whichever source the council provides. Precedence: the case-management export when it has any
-- rows, otherwise the CIN census XML (keys derived from child, date and occurrence). Never both.
{{ prefer_source('stg_case_management__referrals', 'stg_cin_census__referrals',
    'referral_id, child_id, referral_date, source_code, contact_id, primary_need_code, is_nfa') }}
