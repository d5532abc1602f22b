-- Care leavers are young people who left care aged 16 or over (DfE): no one younger may appear.
select e.child_key, e.left_care_date, c.date_of_birth
from {{ ref('fct_care_leaver_eet') }} e
join {{ ref('stg_case_management__children') }} c on {{ pseudonym_key("'child:' || c.child_id") }} = e.child_key
where e.left_care_date < c.date_of_birth + interval 16 year
