{#- An Annex A list is a 12-month snapshot, so the newest landed workbook replaces earlier ones: the rows of the
    latest load of the list (loads sort by time). Used by the Annex A staging models except contacts. -#}
{% macro annex_a_latest_return(relation) -%}
select * from {{ relation }}
where _load_id = (select max(_load_id) from {{ relation }})
{%- endmacro %}
