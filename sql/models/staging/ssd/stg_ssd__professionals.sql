-- Workers from ssd_professionals, as the workers export gives them. The SSD has no start or leaving date, so a
-- worker counts as in post from their first involvement to their last (open-ended while they hold one): workers
-- holding no case are not known to be in post. The role is the job title when it is a worker_roles code or label;
-- agency workers are AGENCY, the rest PERM.
with source as (
    {{ latest_source_rows('ssd', 'professionals') }}
),

spans as (
    select
        worker_id,
        min(start_date) as first_start,
        case when bool_or(end_date is null) then null else max(end_date) end as last_end
    from {{ ref('stg_ssd__involvements') }}
    group by worker_id
)

select
    p.prof_professional_id as worker_id,
    coalesce(d.team_name, trim(p.prof_professional_department)) as team,
    r.code as role,
    p.prof_full_time_equivalency as fte,
    case when p.prof_agency_worker_flag then 'AGENCY' else 'PERM' end as employment_type,
    s.first_start as start_date,
    s.last_end as leave_date,
    p._load_id as load_id
from source p
left join {{ ref('stg_ssd__department') }} d on d.team_id = p.prof_professional_department
left join
    {{ ref('worker_roles') }} r
    on upper(r.code) = upper(trim(p.prof_professional_job_title)) or lower(r.label) = lower(trim(p.prof_professional_job_title))
left join spans s on s.worker_id = p.prof_professional_id
qualify row_number() over (partition by p.prof_professional_id order by r.code) = 1
