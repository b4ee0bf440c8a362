-- "My account" (issue 12): the language a person chose, kept with their account, and the sessions signed in.
--
-- The language starts as that of the organisation contact linked to the account (what the mails to the account
-- used until now), else French; from now on the person chooses it on "My account", and the mails to the account
-- (password reset, password changed, a reviewer's or jury chair's notices) and the pages after a login use it.
ALTER TABLE account ADD COLUMN language varchar(2) NOT NULL DEFAULT 'fr'
    CONSTRAINT account_language CHECK (language IN ('fr', 'en'));
UPDATE account a SET language = c.language FROM contact c WHERE c.account_id = a.id AND c.language <> a.language;

-- A row per intranet session (form login or single sign-on), shared by every application-server instance: a web
-- session lives in one instance's memory (or the data grid), so ending "another session" from the instance a
-- person happens to reach needs a record every instance reads. The HTTP session keeps a random key; only its
-- SHA-256 is stored, so a copy of the database ends nothing and opens nothing. An ended session stays ended: each
-- intranet request of a session reads its row (one index lookup), and an ended row sends it to the login page.
-- A session that timed out has no end written: it is no longer active once not seen for the session timeout.
CREATE TABLE account_session (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key_hash     char(64)                 NOT NULL,
    account_id   bigint                   NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    started_at   timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    user_agent   varchar(300),
    address      varchar(64),
    ended_at     timestamp with time zone,
    ended_by     varchar(64),
    CONSTRAINT account_session_ended CHECK ((ended_at IS NULL) = (ended_by IS NULL))
);
CREATE UNIQUE INDEX account_session_key_idx ON account_session (key_hash);
CREATE INDEX account_session_open_idx ON account_session (account_id, last_seen_at DESC) WHERE ended_at IS NULL;
