{#- The current version of each record: overlapping export files may repeat a record, and the latest load
    (then the last line in that file) wins. Used by every staging model. -#}
{% macro latest_rows(relation, key) -%}
select * from {{ relation }}
qualify row_number() over (partition by {{ key }} order by _load_id desc, _line_number desc) = 1
{%- endmacro %}
