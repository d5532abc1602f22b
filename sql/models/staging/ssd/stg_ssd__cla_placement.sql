-- One row per placement from ssd_cla_placement. Latest load wins.
with source as (
    {{ latest_source_rows('ssd', 'cla_placement') }}
)

select
    clap_cla_placement_id as placement_id,
    clap_cla_id as cla_id,
    clap_person_id as child_id,
    cast(clap_cla_placement_start_date as date) as start_date,
    cast(clap_cla_placement_end_date as date) as end_date,
    upper(clap_cla_placement_type) as placement_type,
    clap_cla_placement_provider as provider,
    clap_cla_placement_change_reason as change_reason,
    _load_id as load_id
from source
