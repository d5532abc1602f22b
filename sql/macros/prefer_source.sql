{#- Source precedence for an entity more than one source covers: all rows of the first model in `models` that has
    any rows, never a mix, with the given columns and a `record_source` column naming the model they came from.
    Order is custom export first, then the statutory return built for that entity (CIN census / SSDA903), then
    Annex A; each model that uses it documents its order, and README.md has the whole table. -#}
{% macro first_source(models, columns) -%}
with
{%- for m in models %}
source_{{ loop.index }} as (select {{ columns }} from {{ ref(m) }}){{ ',' if not loop.last }}
{%- endfor %}
{% for m in models %}
select *, '{{ m }}' as record_source from source_{{ loop.index }}
where true
{%- for earlier in range(1, loop.index) %} and not exists (select 1 from source_{{ earlier }}){% endfor %}
{% if not loop.last %}union all{% endif %}
{%- endfor %}
{%- endmacro %}

{#- Two-way form kept for callers that have only two sources. -#}
{% macro prefer_source(preferred, fallback, columns) -%}
{{ first_source([preferred, fallback], columns) }}
{%- endmacro %}
