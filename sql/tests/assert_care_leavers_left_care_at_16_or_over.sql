-- Care leavers are young people who left care aged 16 or over (DfE): no one younger may appear. Checked against
-- int_children, whichever source its children came from (case management, the SSD, the 903 Header, the CIN
-- census or Annex A), so the returns path is covered too; a care leaver with no child record at all fails as well.
select e.child_key, e.left_care_date, c.date_of_birth
from {{ ref('fct_care_leaver_eet') }} e
left join {{ ref('int_children') }} c on {{ pseudonym_key("'child:' || c.child_id") }} = e.child_key
where c.child_id is null or e.left_care_date < c.date_of_birth + interval 16 year
