{#- A model's column rules in one test node: unique keys, accepted values and row expressions, each checked as
    dbt's unique, accepted_values and expression_is_true would check it. dbt spends 30-50 ms of Python per test node,
    and one node per rule was a large share of the nightly build. Fails with one row per broken rule and failing
    value (rule, column_name, failing_value, failing_rows), so the failure names the rule, the column and what broke
    it; for an expression, failing_value is the first failing row as JSON.
      unique: [column, ...]
      accepted_values: [{column:, values: [...], quote: true}, ...]   nulls pass, as in dbt's accepted_values
      expressions: [{column:, expression: "..."}, ...]                 column says whose rule it is -#}
{% test column_rules(model, unique=[], accepted_values=[], expressions=[]) %}
{%- set checks = [] -%}
{%- for column in unique %}
    {%- do checks.append(
        "select 'unique' as rule, '" ~ column ~ "' as column_name, cast(" ~ adapter.quote(column)
        ~ " as varchar) as failing_value, count(*) as failing_rows from " ~ model ~ " where "
        ~ adapter.quote(column) ~ " is not null group by " ~ adapter.quote(column) ~ " having count(*) > 1"
    ) -%}
{%- endfor %}
{%- for rule in accepted_values %}
    {%- set quote = rule.get('quote', true) -%}
    {%- set values = [] -%}
    {%- for v in rule['values'] -%}
        {%- do values.append("'" ~ (v | string | replace("'", "''")) ~ "'" if quote else (v | string)) -%}
    {%- endfor -%}
    {%- do checks.append(
        "select 'accepted_values' as rule, '" ~ rule['column'] ~ "' as column_name, cast("
        ~ adapter.quote(rule['column']) ~ " as varchar) as failing_value, count(*) as failing_rows from " ~ model
        ~ " where " ~ adapter.quote(rule['column']) ~ " not in (" ~ values | join(", ") ~ ") group by "
        ~ adapter.quote(rule['column'])
    ) -%}
{%- endfor %}
{%- for rule in expressions %}
    {%- do checks.append(
        "select 'expression_is_true: " ~ (rule['expression'] | replace("'", "''")) ~ "' as rule, '"
        ~ rule['column'] ~ "' as column_name, cast(to_json(first(failing)) as varchar) as failing_value,"
        ~ " count(*) as failing_rows from " ~ model ~ " as failing where not (" ~ rule['expression']
        ~ ") having count(*) > 0"
    ) -%}
{%- endfor %}
{%- if checks | length == 0 %}
    {{ exceptions.raise_compiler_error("column_rules on " ~ model ~ " names no rule") }}
{%- endif %}
{{ checks | join("\nunion all\n") }}
{% endtest %}
