-- Columns of a department's sheet that match no known field: kept and reported, so nothing typed is lost unseen.
alter table submission add column extra_columns varchar(2000);
