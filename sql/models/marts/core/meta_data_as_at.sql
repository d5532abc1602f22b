-- How fresh each source is: the moment its data is as at (from a return's own content, else the export's file
-- time: stg_landing__data_as_at) and when it was landed. Appendices print this as "data as at".
select
    source,
    current_files,
    data_as_at,
    data_as_at_basis,
    loaded_at,
    rows_landed,
    rows_rejected
from {{ ref('stg_landing__data_as_at') }}
