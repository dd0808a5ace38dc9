-- When a file appeared in the inbox (what the folder watcher saw, or the file's inode change time), recorded at
-- intake. Timeliness and the order in which a later file supersedes an earlier one follow it; file_modified keeps
-- the modification time, which copying tools carry over from the department's own PC.
alter table submission add column arrived_at timestamp;
update submission set arrived_at = file_modified where arrived_at is null;
