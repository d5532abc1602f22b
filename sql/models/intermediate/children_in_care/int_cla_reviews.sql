-- CLA reviews from the first source that has any: the case-management export, else the SSD's ssd_cla_reviews,
-- else the SSDA903 Reviews file. No Annex A
-- fallback: List 8 gives only the latest review date, which cannot say which review it was or when the first and
-- second were, so fct_permanency leaves review timeliness not known (null) for Annex A periods of care.
{{ first_source(['stg_case_management__cla_reviews', 'stg_ssd__cla_reviews', 'stg_ssda903__reviews'], 'cla_review_id, child_id, review_date') }}
