-- Nothing lost between staging and the mart: every contact int_contacts keeps (from whichever source) has exactly one fct_contacts row.
select
    (select count(*) from {{ ref('int_contacts') }}) as staged,
    (select count(*) from {{ ref('fct_contacts') }}) as in_mart
where (select count(*) from {{ ref('int_contacts') }}) <> (select count(*) from {{ ref('fct_contacts') }})
