-- Nothing lost between staging and the mart: every staged contact has exactly one fct_contacts row.
select
    (select count(*) from {{ ref('stg_case_management__contacts') }}) as staged,
    (select count(*) from {{ ref('fct_contacts') }}) as in_mart
where (select count(*) from {{ ref('stg_case_management__contacts') }}) <> (select count(*) from {{ ref('fct_contacts') }})
