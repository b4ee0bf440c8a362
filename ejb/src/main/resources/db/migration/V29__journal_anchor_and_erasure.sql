-- Issue 13, integrity: the journal's anchors, and the erasure of a contact's personal data (GDPR article 17).

-- An anchor keeps the chain head (number and hash) as it was at a time, and, when a time-stamping authority is
-- configured (platform.journal.tsa-url), its RFC 3161 time-stamp token over the head hash (DER, as received), so
-- that an auditor can prove the journal up to that entry was not rewritten after the token's time
-- (journal.boundary.JournalAnchors; checked offline by ops/verify-journal). Written once by the daily job
-- (journal.anchor, claimed in job_run) or by the secretariat and auditors from the integrity page.
-- Append-only like the journal: the application role may add and read anchors, never change or remove one.
CREATE TABLE journal_anchor (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    anchored_at  timestamp with time zone NOT NULL,
    anchored_by  varchar(64) NOT NULL,
    head_seq     bigint      NOT NULL CHECK (head_seq >= 0),
    head_hash    char(64)    NOT NULL CHECK (head_hash ~ '^[0-9a-f]{64}$'),
    -- NONE: no authority configured; VERIFIED: token received and verified; INVALID: token received, not valid
    -- (tsa_problem says why); FAILED: no token (the authority could not be reached or refused, tsa_problem)
    tsa_status   varchar(10) NOT NULL CHECK (tsa_status IN ('NONE', 'VERIFIED', 'INVALID', 'FAILED')),
    tsa_url      varchar(500),
    tsa_token    bytea,
    tsa_time     timestamp with time zone,
    tsa_problem  varchar(2000),
    CHECK ((tsa_status IN ('VERIFIED', 'INVALID')) = (tsa_token IS NOT NULL))
);

DO $$
DECLARE
    application_role text := '${application_role}';
BEGIN
    IF application_role = '' OR application_role = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON journal_anchor FROM %I', application_role);
END
$$;

-- A removed contact is kept (marked removed_at) until its personal data is erased, so the secretariat can still
-- erase it on request (the erasure needs the address to find the mails sent to it). Lists show current contacts.
-- erased_at: when the personal data were replaced by "erased" (membership.boundary.ContactErasures).
ALTER TABLE contact
    ADD COLUMN removed_at timestamp with time zone,
    ADD COLUMN erased_at  timestamp with time zone;
DROP INDEX contact_account_idx;
CREATE UNIQUE INDEX contact_account_idx ON contact (account_id) WHERE account_id IS NOT NULL AND removed_at IS NULL;
CREATE INDEX contact_current_idx ON contact (organisation_id) WHERE removed_at IS NULL;
