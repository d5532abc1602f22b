{#- A key of an SSD `*_json` outcome column (contracts reject invalid JSON) as a boolean. The SSD writes every key,
    "Y" for the outcomes that apply and "" for the rest: the key is true when "Y", false when "N" or when another key
    is "Y" (a different outcome was recorded), and null (not known) when the column is blank or no outcome is set. -#}
{% macro ssd_json_flag(column, key) -%}
case
    when upper(trim(json_extract_string({{ column }}, '$.{{ key }}'))) in ('Y', 'YES', '1', 'TRUE') then true
    when upper(trim(json_extract_string({{ column }}, '$.{{ key }}'))) in ('N', 'NO', '0', 'FALSE') then false
    when list_contains(list_transform(json_extract_string({{ column }}, '$.*'), lambda v: upper(trim(v))), 'Y') then false
end
{%- endmacro %}
