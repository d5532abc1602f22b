{#- The date the data is "as at": the newest export's time. Measures that need "today" (open cases, durations)
    use this, so the same warehouse always gives the same figures. -#}
{% macro as_at_date() -%}
(select cast(max(data_as_at) as date) from {{ ref('meta_data_as_at') }})
{%- endmacro %}
