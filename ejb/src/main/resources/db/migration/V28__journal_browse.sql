-- The auditor's journal browser (fr.la27eregion.journal.control.JournalQuery): each filter answered by an index on
-- ten million entries, newest first, a page at a time by key (seq < before ORDER BY seq DESC LIMIT n + 1).
--   actor, action, entity type: (column, seq) below, read backwards from the page's key and stopped after n + 1
--       entries, however many the actor (action, type) has; also the loose index scans that list the actions and
--       entity types the browser offers (one probe per distinct value);
--   a record (entity type and id): journal_entry_entity_idx (V3);
--   an organisation, a programme: journal_entry_subject_idx (V9), once per record of theirs;
--   a period: the BRIN index on recorded_at (V3), or the primary key read backwards for a recent one.
-- Plain CREATE INDEX (not CONCURRENTLY, which cannot run in the migration's transaction): on ten million entries
-- each takes some seconds, during which appends wait; the migration runs at start, before the platform serves.
CREATE INDEX journal_entry_actor_idx ON journal_entry (actor, seq);
CREATE INDEX journal_entry_action_idx ON journal_entry (action, seq);
CREATE INDEX journal_entry_entity_type_idx ON journal_entry (entity_type, seq) WHERE entity_type IS NOT NULL;
