-- The keyword candidates of every search, predict and suggest scan this GIN index. With fastupdate (the default)
-- each write appends to a pending list that every scan reads sequentially until autovacuum merges it: measured on
-- the build machine (issue #16), 1,200 pending entries made the scan 0.51 ms instead of 0.06 ms, and switching it off
-- cut PostgreSQL's CPU per request by about a third. Writes now update the index in place (a little more work per
-- write; the load mix is read-heavy). gin_clean_pending_list merges what is pending now.
ALTER INDEX idx_memories_text_search SET (fastupdate = off);
SELECT gin_clean_pending_list('idx_memories_text_search'::regclass);
