-- Annex A List 8: children in care from the newest workbook (postcode left in raw).
with source as (
    {{ annex_a_latest_return(source('annex_a', 'list_8_children_in_care')) }}
)

select
    child_id,
    gender as sex_code,
    ethnicity as ethnicity_code,
    date_of_birth,
    age_years,
    is_uasc,
    has_disability,
    started_looked_after_date,
    category_of_need,
    is_subsequent_period,
    legal_status_start_date,
    legal_status,
    latest_review_date,
    last_visit_date,
    permanence_plan,
    last_iro_contact_date,
    last_health_assessment_date,
    last_dental_check_date,
    placements_last_12_months,
    ceased_looked_after_date,
    reason_ceased,
    placement_start_date,
    placement_type,
    placement_provider,
    placement_urn,
    placement_location,
    placement_la,
    missing_episodes_last_12_months,
    absent_episodes_last_12_months,
    return_interview_offered,
    return_interview_accepted,
    trim(allocated_team) as allocated_team,
    _load_id as load_id
from source
