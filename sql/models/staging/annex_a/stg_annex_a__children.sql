-- One row per child named in the newest Annex A workbook, shaped like stg_case_management__children (the last
-- fallback of int_children): the characteristics every list repeats, taken from the list that names the child
-- with the most detail (children in care, then care leavers, then the rest in list order). Disability is known
-- only where a list asks it (Y/N; U is not known, so null); UASC only from Lists 8 and 9.
with listed as (
    select child_id, sex_code, ethnicity_code, date_of_birth, has_disability, is_uasc, 1 as list_rank from {{ ref('stg_annex_a__children_in_care') }}
    union all
    select child_id, sex_code, ethnicity_code, date_of_birth, has_disability, is_uasc, 2 from {{ ref('stg_annex_a__care_leavers') }}
    union all
    select child_id, sex_code, ethnicity_code, date_of_birth, has_disability, null, 3 from {{ ref('stg_annex_a__adoption') }}
    union all
    select child_id, sex_code, ethnicity_code, date_of_birth, has_disability, null, 4 from {{ ref('stg_annex_a__cp_plans') }}
    union all
    select child_id, sex_code, ethnicity_code, date_of_birth, has_disability, null, 5 from {{ ref('stg_annex_a__children_in_need') }}
    union all
    select child_id, sex_code, ethnicity_code, date_of_birth, has_disability, null, 6 from {{ ref('stg_annex_a__s47_enquiries') }}
    union all
    select child_id, sex_code, ethnicity_code, date_of_birth, has_disability, null, 7 from {{ ref('stg_annex_a__assessments') }}
    union all
    select child_id, sex_code, ethnicity_code, date_of_birth, null, null, 8 from {{ ref('stg_annex_a__referrals') }}
    union all
    select child_id, sex_code, ethnicity_code, date_of_birth, null, null, 9 from {{ ref('stg_annex_a__early_help') }}
    union all
    select child_id, sex_code, ethnicity_code, date_of_birth, null, null, 10 from {{ ref('stg_annex_a__contacts') }}
)

select
    child_id,
    date_of_birth,
    sex_code,
    upper(ethnicity_code) as ethnicity_code,
    case upper(has_disability) when 'Y' then true when 'N' then false end as is_disabled,
    is_uasc
from listed
qualify row_number() over (partition by child_id order by list_rank, date_of_birth is null, sex_code is null) = 1
