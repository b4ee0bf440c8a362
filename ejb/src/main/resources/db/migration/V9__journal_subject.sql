-- The journal indexed by subject (DESIGN §3): beside each entry, the record it belongs to (an organisation today;
-- later a label application or a label), so a timeline reads its entries newest first through an index instead
-- of parsing the details of every entry of a type.
--
-- The subject is NOT part of the canonical form (fr.la27eregion.journal.chain.CanonicalEntry, version 1): no hash
-- changes, entries written before this migration still verify, and ops/audit/journal-recompute.sql is unchanged.
-- It is an index, not evidence: an entry's content is checked by its hash, and its subject against that content.
-- NULL for entries that belong to no record's timeline: logins, security events, accounts.

ALTER TABLE journal_entry
    ADD COLUMN subject_type text,
    ADD COLUMN subject_id   text,
    ADD CONSTRAINT journal_entry_subject CHECK ((subject_type IS NULL) = (subject_id IS NULL)
                                                AND subject_type <> '' AND subject_id <> '');

-- Existing entries get their subject from what they already say. Every action written before this version:
--   membership.apply, membership.<transition>, membership.reminder (entity Membership): details.organisation,
--       else the membership's organisation;
--   organisation.update (entity Organisation): the organisation itself;
--   contact.add, contact.remove (entity Contact): details.organisation; contact.update: details.after.organisation
--       (the contact may have been removed since), else the contact's organisation;
--   account.*, login*, logout, session.ended (entity Account or none): no subject.
-- The table is append-only: its trigger refuses UPDATE, even from its owner. The owner (the role these migrations
-- run as) switches it off for this backfill only. DDL is transactional in PostgreSQL and ALTER TABLE holds an
-- ACCESS EXCLUSIVE lock until commit: no other session ever sees the trigger off or appends meanwhile, and if
-- anything here fails the whole migration rolls back with the trigger on. The backfill writes the two new columns
-- only; the hashed columns are not touched (the verification after the migration shows it).
ALTER TABLE journal_entry DISABLE TRIGGER journal_entry_no_update_or_delete;

UPDATE journal_entry e
SET subject_type = 'Organisation', subject_id = found.organisation
FROM (SELECT j.seq,
             coalesce(CASE WHEN j.entity_type = 'Organisation' THEN j.entity_id END,
                      j.details::json ->> 'organisation',
                      j.details::json -> 'after' ->> 'organisation',
                      m.organisation_id::text,
                      c.organisation_id::text) AS organisation
      FROM journal_entry j
          LEFT JOIN membership m ON j.entity_type = 'Membership' AND m.id::text = j.entity_id
          LEFT JOIN contact c ON j.entity_type = 'Contact' AND c.id::text = j.entity_id
      WHERE j.entity_type IN ('Organisation', 'Membership', 'Contact')) AS found
WHERE e.seq = found.seq
  AND found.organisation IS NOT NULL;

ALTER TABLE journal_entry ENABLE TRIGGER journal_entry_no_update_or_delete;

-- A timeline: WHERE subject_type = ? AND subject_id = ? AND seq < ? ORDER BY seq DESC LIMIT n + 1. Partial: the
-- entries without a subject (logins and other security events, the bulk of a busy journal) are not indexed.
CREATE INDEX journal_entry_subject_idx ON journal_entry (subject_type, subject_id, seq DESC)
    WHERE subject_type IS NOT NULL;

-- Rights are unchanged: the application role keeps SELECT and INSERT on journal_entry (V5), which cover the new
-- columns; it still can neither update an entry nor disable the trigger.
