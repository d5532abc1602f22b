-- CLA reviews: the case-management export when it has any rows, otherwise the SSDA903 Reviews file.
{{ prefer_source('stg_case_management__cla_reviews', 'stg_ssda903__reviews', 'cla_review_id, child_id, review_date') }}
