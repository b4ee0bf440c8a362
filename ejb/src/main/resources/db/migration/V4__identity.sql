-- Identity: the accounts of the intranet and the API, their roles, and one-time password reset links.
-- organisation_id has no foreign key yet: the organisation table belongs to the membership feature, which adds
-- the constraint when it creates the table.

CREATE TABLE account (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username             varchar(64)  NOT NULL,
    display_name         varchar(200) NOT NULL,
    email                varchar(254) NOT NULL,
    -- Jakarta Security Pbkdf2PasswordHash format: algorithm:iterations:salt:hash (Base64)
    password_hash        varchar(400) NOT NULL,
    organisation_id      bigint,
    enabled              boolean      NOT NULL DEFAULT true,
    failed_logins        integer      NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until         timestamp with time zone,
    created_at           timestamp with time zone NOT NULL DEFAULT now(),
    last_login_at        timestamp with time zone,
    version              integer      NOT NULL DEFAULT 0,
    CONSTRAINT account_username_format CHECK (username ~ '^[a-z0-9._-]{3,64}$')
);
CREATE UNIQUE INDEX account_username_idx ON account (username);
CREATE INDEX account_organisation_idx ON account (organisation_id);

CREATE TABLE account_role (
    account_id bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role       varchar(32) NOT NULL CHECK (role IN ('NETWORK_ADMIN', 'MEMBER_COORDINATOR', 'CONTRIBUTOR',
                                                     'REVIEWER', 'JURY', 'AUDITOR')),
    PRIMARY KEY (account_id, role)
);

-- A reset link carries a random token; only its SHA-256 is stored, so a copy of the database opens no account.
CREATE TABLE password_reset (
    token_hash  char(64)                 PRIMARY KEY,
    account_id  bigint                   NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    expires_at  timestamp with time zone NOT NULL,
    used_at     timestamp with time zone
);
CREATE INDEX password_reset_account_idx ON password_reset (account_id);
