{#- Fails when any listed column holds a null: one row per such column (column_name, null_rows), so the failure
    names the column. One test node and one scan for all of a model's columns: dbt spends 30-50 ms of Python per
    test node, and one not_null node per column was half the nightly build. A `where` config filters the rows
    checked, as it does for not_null. -#}
{% test not_null_columns(model, columns) %}
with null_counts as (
    select
    {%- for column in columns %}
        count(*) filter (where {{ adapter.quote(column) }} is null) as {{ adapter.quote(column) }}{{ "," if not loop.last }}
    {%- endfor %}
    from {{ model }}
)
select column_name, null_rows
from (unpivot null_counts on columns(*) into name column_name value null_rows)
where null_rows > 0
{% endtest %}
