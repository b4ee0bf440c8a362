-- Each role's intranet home (home.boundary.WaitingWork, issue 12) counts what waits for the caller on every page
-- (the menu's badges), so each count reads an index, never the table: the secretariat's home must stay fast with
-- 50,000 applications.
-- applications by state (submitted, in review), the oldest submitted first
CREATE INDEX label_application_state_idx ON label_application (state, submitted_at, id);
-- recusals whose application waits for a replacement
CREATE INDEX assessment_recused_idx ON assessment (application_id) WHERE state = 'RECUSED';
-- mail that keeps failing (unsent after the backoff reached its ceiling)
CREATE INDEX outgoing_mail_failing_idx ON outgoing_mail (created_at) WHERE sent_at IS NULL AND attempts >= 10;
-- the campaigns a jury account chairs
CREATE INDEX campaign_jury_chair_idx ON campaign (jury_chair_account_id) WHERE jury_chair_account_id IS NOT NULL;

-- The result of each verification of the journal's chain (journal.boundary.JournalAudit#verify), so an auditor's
-- home shows the last one. Not part of the chain: a record about the journal, written after the verification read it.
CREATE TABLE journal_verification (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    verified_at      timestamp with time zone NOT NULL,
    verified_by      varchar(64),
    entries_checked  bigint        NOT NULL CHECK (entries_checked >= 0),
    duration_ms      bigint        NOT NULL CHECK (duration_ms >= 0),
    first_broken_seq bigint,
    problem          varchar(2000)
);
CREATE INDEX journal_verification_at_idx ON journal_verification (verified_at DESC, id DESC);

-- whether an application has an assessment still counting (assigned or submitted), read from the index alone
CREATE INDEX assessment_active_idx ON assessment (application_id) WHERE state <> 'RECUSED';

-- Who spoke last in each application's conversation, kept by a trigger as each message is written: "not yet
-- answered" is then one row per application, counted from an index, rather than every message compared with the
-- later ones. Written by the database alone (the label feature writes messages as before).
CREATE TABLE application_conversation (
    application_id  bigint      PRIMARY KEY REFERENCES label_application (id) ON DELETE CASCADE,
    last_side       varchar(12) NOT NULL CHECK (last_side IN ('SECRETARIAT', 'APPLICANT')),
    last_message_id bigint      NOT NULL,
    last_sent_at    timestamp with time zone NOT NULL
);
CREATE INDEX application_conversation_side_idx ON application_conversation (last_side, last_sent_at);

CREATE FUNCTION application_conversation_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO application_conversation AS c (application_id, last_side, last_message_id, last_sent_at)
    VALUES (NEW.application_id, NEW.author_side, NEW.id, NEW.sent_at)
    ON CONFLICT (application_id) DO UPDATE
        SET last_side = EXCLUDED.last_side, last_message_id = EXCLUDED.last_message_id,
            last_sent_at = EXCLUDED.last_sent_at
        WHERE (c.last_sent_at, c.last_message_id) < (EXCLUDED.last_sent_at, EXCLUDED.last_message_id);
    RETURN NULL;
END
$$;
CREATE TRIGGER application_conversation_follow AFTER INSERT ON application_message
    FOR EACH ROW EXECUTE FUNCTION application_conversation_follow();

INSERT INTO application_conversation (application_id, last_side, last_message_id, last_sent_at)
SELECT DISTINCT ON (application_id) application_id, author_side, id, sent_at
FROM application_message ORDER BY application_id, sent_at DESC, id DESC;
