-- Assessments from ssd_cin_assessments, as int_assessments wants them: the team ID resolved to its name through
-- ssd_department, and the outcome from cina_assessment_outcome_json (NFA, strategy discussion / S47, CLA request,
-- provision of services = CIN plan; the SSD has no early-help outcome, so those are null).
with source as (
    {{ latest_source_rows('ssd', 'cin_assessments') }}
),

flags as (
    select
        *,
        {{ ssd_json_flag('cina_assessment_outcome_json', 'NFA_FLAG') }} as is_nfa,
        {{ ssd_json_flag('cina_assessment_outcome_json', 'STRATEGY_DISCUSSION_FLAG') }} as is_strategy,
        {{ ssd_json_flag('cina_assessment_outcome_json', 'CLA_REQUEST_FLAG') }} as is_cla,
        {{ ssd_json_flag('cina_assessment_outcome_json', 'PROV_OF_SERVICES_FLAG') }} as is_services
    from source
)

select
    a.cina_assessment_id as assessment_id,
    a.cina_person_id as child_id,
    a.cina_referral_id as referral_id,
    cast(a.cina_assessment_start_date as date) as start_date,
    cast(a.cina_assessment_auth_date as date) as authorised_date,
    case
        when a.is_cla then 'CLA'
        when a.is_strategy then 'S47'
        when a.is_services then 'CIN'
        when a.is_nfa or a.cina_assessment_outcome_nfa then 'NFA'
    end as outcome_code,
    coalesce(d.team_name, a.cina_assessment_team) as team,
    a.cina_assessment_worker_id as worker_id,
    a._load_id as load_id
from flags a
left join {{ ref('stg_ssd__department') }} d on d.team_id = a.cina_assessment_team
