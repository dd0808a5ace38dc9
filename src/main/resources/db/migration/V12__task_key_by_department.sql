-- A task's identity is unique within its department (the key is a hash that already includes the department). The
-- index leads with the department so one sheet's tasks sit side by side in it: keyed by the hash alone, each new
-- task landed on a page of its own, and every commit (one a sheet) stored a hundred changed pages of the index, for
-- a database file ten times its data. Lookups name the department.
alter table task drop constraint task_key_unique;
create unique index task_department_key on task (department, task_key);

-- Ids come a hundred thousand at a time (they were a thousand, V11): each time a block runs out H2 commits the
-- sequence, and that commit stores every page the open transaction has changed, which a sheet of 200,000 rows
-- did two hundred times. A restart skips the rest of a block; ids only need to be unique.
alter table task alter column id set cache 100000;
alter table finding alter column id set cache 100000;
