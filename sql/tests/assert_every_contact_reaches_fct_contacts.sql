-- Nothing lost between staging and the mart: every contact int_contacts keeps (from whichever source) has exactly
-- one fct_contacts row, and the mart has no contact int_contacts does not. Compared key by key both ways, so one
-- contact lost and another doubled cannot cancel out as counts would.
with staged as (
    select {{ pseudonym_key("'contact:' || contact_id") }} as contact_key, count(*) as staged_rows
    from {{ ref('int_contacts') }}
    group by 1
),

in_mart as (
    select contact_key, count(*) as mart_rows
    from {{ ref('fct_contacts') }}
    group by 1
)

select coalesce(s.contact_key, m.contact_key) as contact_key, coalesce(s.staged_rows, 0) as staged_rows, coalesce(m.mart_rows, 0) as mart_rows
from staged s
full outer join in_mart m on m.contact_key = s.contact_key
where coalesce(s.staged_rows, 0) <> 1 or coalesce(m.mart_rows, 0) <> 1
