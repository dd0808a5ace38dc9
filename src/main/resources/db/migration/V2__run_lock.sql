-- One run at a time across processes and machines sharing the database: ShedLock's table (JdbcTemplateLockProvider,
-- database time). A row per lock name; the lock is held while lock_until is in the future.
create table shedlock (
    name            varchar(64)   not null primary key,
    lock_until      timestamp     not null,
    locked_at       timestamp     not null,
    -- host/pid of the process holding (or last holding) the lock
    locked_by       varchar(255)  not null
);
