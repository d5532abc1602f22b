-- Missing and away episodes from ssd_missing, with the same columns as stg_case_management__missing_episodes.
-- Return interviews: 'NA' / blank is not known (null); accepted is false unless recorded.
with source as (
    {{ latest_source_rows('ssd', 'missing') }}
)

select
    miss_table_id as missing_id,
    miss_person_id as child_id,
    miss_missing_episode_type as missing_type,
    miss_missing_episode_start_date as start_at,
    miss_missing_episode_end_date as end_at,
    miss_missing_rhi_offered as is_return_interview_offered,
    cast(null as timestamp) as return_interview_offered_at, -- the SSD records no offer date
    coalesce(miss_missing_rhi_accepted, false) as is_return_interview_accepted,
    _load_id as load_id
from source
