{#- A stable key for an Annex A row, which has no ID of its own: child, date and, when a child has more than one
    row that day in the list, its occurrence (annexa:123:2024-05-01, annexa:123:2024-05-01:2). -#}
{% macro annex_a_key(child_id, date_column, occurrence) -%}
('annexa:' || {{ child_id }} || ':' || strftime({{ date_column }}, '%Y-%m-%d') || case when {{ occurrence }} > 1 then ':' || cast({{ occurrence }} as varchar) else '' end)
{%- endmacro %}
