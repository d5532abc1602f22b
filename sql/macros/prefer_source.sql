{#- Source precedence for an entity more than one source covers: all rows of the preferred model when it has
    any, otherwise all rows of the fallback, with the given columns and a `record_source` column saying which.
    Documented per entity in the models that use it (custom exports win over statutory returns). -#}
{% macro prefer_source(preferred, fallback, columns) -%}
with preferred as (select {{ columns }} from {{ ref(preferred) }}),
fallback as (select {{ columns }} from {{ ref(fallback) }})
select *, '{{ preferred }}' as record_source from preferred
union all
select *, '{{ fallback }}' as record_source from fallback
where not exists (select 1 from preferred)
{%- endmacro %}
