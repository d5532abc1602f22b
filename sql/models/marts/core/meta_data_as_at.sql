-- How fresh each source is: the newest current file's time (when the export was taken) and when it was landed.
-- Appendices print this as "data as at".
select
    source,
    count(*) as current_files,
    max(file_modified_at) as data_as_at,
    max(finished_at) as loaded_at,
    sum(rows_landed) as rows_landed,
    sum(rows_rejected) as rows_rejected
from {{ source('landing', 'loads') }}
where status = 'loaded' and is_current
group by source
