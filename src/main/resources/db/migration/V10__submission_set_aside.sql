-- An inbox entry set aside at intake without being read (a special file, a link that cannot be followed,
-- a file the service may not read or larger than the limit) is a submission too, rejected with its reason.
-- Its bytes were never read, so it has no content hash.
alter table submission alter column sha256 drop not null;
alter table submission add column set_aside varchar(40);
alter table submission add column set_aside_reason varchar(4000);
