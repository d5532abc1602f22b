-- Marts carry pseudonymous keys only: no column may hold a case-management or complaints system ID.
select table_name, column_name
from information_schema.columns
where
    table_schema = 'marts'
    and (column_name like '%\_id' escape '\' or column_name like '%reference%' or column_name in ('date_of_birth', 'child_name', 'name'))
    and column_name <> 'measure_id'
