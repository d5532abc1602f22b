-- One row per worker in post per month end: open cases held, FTE, permanent or agency. The DfE caseload
-- measure divides cases held by case-holding social workers by their FTE (see kpi_monthly).
with workers as (
    select w.*, r.is_case_holding
    from {{ ref('int_workers') }} w
    left join {{ ref('worker_roles') }} r on r.code = w.role
),

held as (
    select month_end, worker_id, count(*) as open_cases
    from {{ ref('int_allocations_at_month_end') }}
    group by month_end, worker_id
)

select
    {{ pseudonym_key("'worker:' || w.worker_id || ':' || m.month_end") }} as worker_month_key,
    {{ pseudonym_key("'worker:' || w.worker_id") }} as worker_key,
    m.month_end,
    m.month_start,
    m.financial_year,
    m.financial_quarter,
    w.team,
    t.service_area,
    w.role,
    coalesce(w.is_case_holding, false) as is_case_holding_role,
    w.fte,
    w.employment_type,
    w.employment_type = 'PERM' as is_permanent,
    coalesce(h.open_cases, 0) as open_cases
from {{ ref('int_month_ends') }} m
-- A leave date is the worker's last day in post (as HR records it): a worker leaving on the month end is in post then.
join workers w on w.start_date <= m.month_end and (w.leave_date is null or w.leave_date >= m.month_end)
left join held h on h.month_end = m.month_end and h.worker_id = w.worker_id
left join {{ ref('dim_team') }} t on t.team_name = w.team
