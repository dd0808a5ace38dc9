-- Task ids are handed out a thousand at a time. H2 writes its identity sequence back to the database each time
-- the cached values run out (32 by default), and that write stores every page the merge has changed so far: a
-- sheet's new tasks were stored about once per 32 rows, about a seventh of a large run's time. Unused ids of a
-- block are skipped after a restart; ids only need to be unique.
alter table task alter column id set cache 1000;
alter table finding alter column id set cache 1000;
