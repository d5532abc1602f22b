{#- A pseudonymous key: HMAC-SHA256 (RFC 2104) of the message, e.g. pseudonym_key("'child:' || child_id"), with the
    installation's secret key. Only someone holding the key file can match a key to a system ID; guessing IDs and
    hashing them, as one can with a plain md5 or sha256, finds nothing. The key's pads come from session variables
    set by the csp_pseudonym plugin (plugins/), so the secret is never part of the SQL. A null message gives null. -#}
{% macro pseudonym_key(message) -%}
case when getvariable('csp_pseudonym_ipad') is null
    then error('no pseudonymisation key: build through `csp run` or `npx dbt`, which pass the key file (CSP_PSEUDONYM_KEY_FILE)')
    else sha256(getvariable('csp_pseudonym_opad') || unhex(sha256(getvariable('csp_pseudonym_ipad') || encode({{ message }}))))
end
{%- endmacro %}
