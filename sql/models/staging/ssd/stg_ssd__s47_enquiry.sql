-- Section 47 enquiries from ssd_s47_enquiry, as int_s47_enquiries wants them: "ICPC required" is the enquiry's
-- CP_CONFERENCE_FLAG outcome (true when a conference was held for it), and the ICPC date the first initial
-- conference that names the enquiry.
with source as (
    {{ latest_source_rows('ssd', 's47_enquiry') }}
),

conferences as (
    select s47_id, min(icpc_date) as icpc_date
    from {{ ref('stg_ssd__initial_cp_conference') }}
    where s47_id is not null and not is_transfer_in
    group by s47_id
)

select
    s.s47e_s47_enquiry_id as s47_id,
    s.s47e_person_id as child_id,
    s.s47e_referral_id as referral_id,
    cast(s.s47e_s47_start_date as date) as start_date,
    coalesce({{ ssd_json_flag('s.s47e_s47_outcome_json', 'CP_CONFERENCE_FLAG') }}, case when c.icpc_date is not null then true end) as is_icpc_required,
    c.icpc_date,
    cast(s.s47e_s47_end_date as date) as end_date,
    s._load_id as load_id
from source s
left join conferences c on c.s47_id = s.s47e_s47_enquiry_id
