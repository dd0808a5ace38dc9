-- Long values are data: a department's sheet may hold up to 32,767 characters in any cell (a 责任人 cell listing
-- twenty people, a 整改进展 written as an essay, a sheet name an .xls carries up to 255 characters long), and every
-- such text is stored whole. VARCHAR without a length is unbounded in both databases (PostgreSQL: like TEXT;
-- H2 2.x: CHARACTER VARYING up to 1,000,000,000 characters), and SET DATA TYPE is the one ALTER COLUMN form both
-- accept; it keeps each column's NOT NULL. Keys and indexed columns (sha256, report_month, task_key, department,
-- codes such as outcome, status and rule) keep their bounds.

alter table submission alter column file_name set data type varchar;
alter table submission alter column inbox_path set data type varchar;
alter table submission alter column reasons set data type varchar;
alter table submission alter column sheets_read set data type varchar;
alter table submission alter column sheets_skipped set data type varchar;
alter table submission alter column extra_columns set data type varchar;
alter table submission alter column notice_path set data type varchar;
alter table submission alter column moved_to set data type varchar;

alter table task alter column task_code set data type varchar;
alter table task alter column seq set data type varchar;
alter table task alter column category set data type varchar;
alter table task alter column problem set data type varchar;
alter table task alter column measure set data type varchar;
alter table task alter column leader set data type varchar;
alter table task alter column co_departments set data type varchar;
alter table task alter column owner set data type varchar;
alter table task alter column deadline_text set data type varchar;
alter table task alter column progress set data type varchar;
alter table task alter column evidence set data type varchar;
alter table task alter column remarks set data type varchar;
alter table task alter column source_sheet set data type varchar;

alter table task_month alter column task_code set data type varchar;
alter table task_month alter column seq set data type varchar;
alter table task_month alter column category set data type varchar;
alter table task_month alter column problem set data type varchar;
alter table task_month alter column measure set data type varchar;
alter table task_month alter column leader set data type varchar;
alter table task_month alter column co_departments set data type varchar;
alter table task_month alter column owner set data type varchar;
alter table task_month alter column deadline_text set data type varchar;
alter table task_month alter column progress set data type varchar;
alter table task_month alter column evidence set data type varchar;
alter table task_month alter column remarks set data type varchar;
alter table task_month alter column source_sheet set data type varchar;

alter table finding alter column file_name set data type varchar;
alter table finding alter column sheet set data type varchar;
alter table finding alter column column_name set data type varchar;
alter table finding alter column value_seen set data type varchar;
alter table finding alter column message set data type varchar;
alter table finding alter column expected set data type varchar;

alter table delivery alter column recipients set data type varchar;
alter table delivery alter column last_error set data type varchar;
