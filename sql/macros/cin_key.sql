{#- A stable key for a CIN census record, which has no ID of its own: child, date and, when a child has more
    than one record that day, its occurrence (cin:123:2024-05-01, cin:123:2024-05-01:2). -#}
{% macro cin_key(child_id, date_column, occurrence) -%}
('cin:' || {{ child_id }} || ':' || strftime({{ date_column }}, '%Y-%m-%d') || case when {{ occurrence }} > 1 then ':' || cast({{ occurrence }} as varchar) else '' end)
{%- endmacro %}
