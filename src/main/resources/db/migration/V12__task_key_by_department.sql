-- A task's identity is unique within its department (the key is a hash that already includes the department). The
-- index leads with the department so one sheet's tasks sit side by side in it: keyed by the hash alone, each new
-- task landed on a page of its own, and every commit (one a sheet) stored a hundred changed pages of the index, for
-- a database file ten times its data. Lookups name the department.
alter table task drop constraint task_key_unique;
create unique index task_department_key on task (department, task_key);
