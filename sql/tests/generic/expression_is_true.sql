{#- Fails for every row where the expression is false (a business rule that must hold on each row).
    column_name is accepted so the test can sit under a column, where it documents that column's rule. -#}
{% test expression_is_true(model, expression, column_name=None) %}
select * from {{ model }} where not ({{ expression }})
{% endtest %}
