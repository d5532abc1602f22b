{#- The current version of each record: overlapping export files may repeat a record, and the latest load
    (then the last line in that file) wins. key: a list of columns (or one SQL expression). Used by every staging
    model, mostly through latest_source_rows. -#}
{% macro latest_rows(relation, key) -%}
select * from {{ relation }}
qualify row_number() over (partition by {{ key | join(', ') if key is not string else key }} order by _load_id desc, _line_number desc) = 1
{%- endmacro %}

{#- The latest version of each record of a raw source, by its contract's key (contract_key). -#}
{% macro latest_source_rows(source_name, table_name) -%}
{{ latest_rows(source(source_name, table_name), contract_key(source_name, table_name)) }}
{%- endmacro %}

{#- A raw source's key columns, as its contract names them: meta contract_key in the sources yml that
    `npm run specs` writes from sources/**/contract.ts. -#}
{% macro contract_key(source_name, table_name) -%}
{%- if not execute -%}
    {{ return(['_load_id']) }}
{%- endif -%}
{%- for node in graph.sources.values() if node.source_name == source_name and node.name == table_name -%}
    {%- set key = node.config.meta.get('contract_key') or node.meta.get('contract_key') -%}
    {%- if key -%}
        {{ return(key) }}
    {%- endif -%}
{%- endfor -%}
{{ exceptions.raise_compiler_error("source " ~ source_name ~ "." ~ table_name ~ " has no contract_key in its sources yml: run npm run specs") }}
{%- endmacro %}
