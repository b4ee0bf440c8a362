-- Personal access tokens (issue 9): a machine client sends "Authorization: Bearer l27_..." instead of a person's
-- password. Only the SHA-256 of a token is kept (a token carries 256 random bits, so a fast hash is the right
-- one and a copy of the database opens nothing); the short display prefix is not secret, it lets a person
-- recognise a token in the list and find a leaked one. Revoked and expired tokens stay, for the record.
CREATE TABLE access_token (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   bigint                   NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name         varchar(100)             NOT NULL,
    scope        varchar(16)              NOT NULL CHECK (scope IN ('READ', 'READ_WRITE')),
    token_hash   char(64)                 NOT NULL,
    prefix       varchar(16)              NOT NULL,
    created_at   timestamp with time zone NOT NULL,
    expires_at   timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    revoked_by   varchar(64),
    version      integer                  NOT NULL DEFAULT 0,
    CONSTRAINT access_token_expiry CHECK (expires_at > created_at),
    CONSTRAINT access_token_revoked CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE UNIQUE INDEX access_token_hash_idx ON access_token (token_hash);
CREATE INDEX access_token_account_idx ON access_token (account_id, created_at DESC);

-- The application role reads and writes it like any ordinary table: V5's default privileges grant it when the
-- migrations run as an owner role of their own (db.migration.user), as for every table created after V5.
