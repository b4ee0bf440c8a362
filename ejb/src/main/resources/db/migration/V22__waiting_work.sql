-- Each role's intranet home (home.boundary.WaitingWork, issue 12) counts what waits for the caller on every page
-- (the menu's badges), so each count reads an index, never the table: the secretariat's home must stay fast with
-- 50,000 applications.
-- applications by state (submitted, in review), the oldest submitted first
CREATE INDEX label_application_state_idx ON label_application (state, submitted_at);
-- recusals whose application waits for a replacement
CREATE INDEX assessment_recused_idx ON assessment (application_id) WHERE state = 'RECUSED';
-- the applicants' messages, to find those the secretariat has not answered yet
CREATE INDEX application_message_applicant_idx ON application_message (sent_at, application_id)
    WHERE author_side = 'APPLICANT';
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
