-- Project search (issue 10): the words and the visibility in one index, so a search in a scope with a visibility
-- predicate (anonymous visitors: PUBLIC only) is answered by one exact index scan instead of two bitmaps ANDed
-- (measured on 100,000 generated projects: 10 ms instead of 36 ms for the index part of a common word).
-- btree_gin is a "trusted" extension since PostgreSQL 13, created by the owner of the database like V14's; where
-- the migration role may not, a DBA runs the CREATE EXTENSION line first (README, "Installation").
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX project_search_visibility_idx ON project USING gin (search_vector, visibility);
