-- One row per child in the 903 OC2 file (looked after 12 months or more): health, SDQ and offending outcomes.
with source as (
    {{ latest_source_rows('ssda903', 'oc2') }}
)

select
    child_id, sdq_score, upper(sdq_reason) as sdq_reason, convicted as is_convicted, health_check as is_health_check_done,
    immunisations as is_immunisations_up_to_date, teeth_check as is_teeth_checked, health_assessment as is_health_assessment_done,
    substance_misuse as has_substance_misuse, intervention_received as is_intervention_received, intervention_offered as is_intervention_offered,
    _load_id as load_id
from source
