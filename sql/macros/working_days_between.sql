{#- Working days from a start date to an end date, England & Wales calendar (dim_date). The clock starts on the
    start date, or on the next working day when it falls on a weekend or bank holiday; an end on a non-working
    day counts as the working day before it. Same day = 0, Friday to Monday = 1; null if either date is null.
    One definition for every timeliness measure (contacts, assessments, complaints, core groups). -#}
{% macro working_days_between(start_date, end_date) -%}
(
    select greatest(0, e.working_day_number - (s.working_day_number + case when s.is_working_day then 0 else 1 end))
    from {{ ref('dim_date') }} as s, {{ ref('dim_date') }} as e
    where s.date_day = {{ start_date }} and e.date_day = {{ end_date }}
)
{%- endmacro %}
