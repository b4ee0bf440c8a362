-- Membership (DESIGN §3): the organisations of the network, their contacts, their memberships, the in-app
-- notifications and outgoing mail that follow each transition, and the runs of the scheduled jobs.

CREATE TABLE organisation (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         varchar(200) NOT NULL,
    kind         varchar(20)  NOT NULL CHECK (kind IN ('REGIONAL_COUNCIL', 'FOUNDING_PARTNER', 'EUROPEAN_REGION',
                                                       'ASSOCIATE')),
    territory_id bigint       REFERENCES territory (id),
    -- 14 digits with a valid Luhn key, required for French bodies; a European region has none (its territory's
    -- NUTS-2 code identifies it)
    siret        char(14)     CHECK (siret ~ '^[0-9]{14}$'),
    address      varchar(500),
    website      varchar(300),
    created_at   timestamp with time zone NOT NULL DEFAULT now(),
    version      integer      NOT NULL DEFAULT 0,
    CONSTRAINT organisation_identified CHECK ((kind = 'EUROPEAN_REGION') = (siret IS NULL)),
    CONSTRAINT organisation_territory CHECK (kind NOT IN ('REGIONAL_COUNCIL', 'EUROPEAN_REGION')
                                             OR territory_id IS NOT NULL)
);
CREATE UNIQUE INDEX organisation_siret_idx ON organisation (siret) WHERE siret IS NOT NULL;
CREATE INDEX organisation_territory_idx ON organisation (territory_id);
CREATE INDEX organisation_name_idx ON organisation (lower(name));

CREATE TABLE contact (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id bigint       NOT NULL REFERENCES organisation (id),
    full_name       varchar(200) NOT NULL,
    email           varchar(254) NOT NULL,
    job_title       varchar(200),
    network_role    varchar(20)  NOT NULL CHECK (network_role IN ('COORDINATOR', 'CORRESPONDENT', 'ELECTED')),
    language        varchar(2)   NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
    account_id      bigint       REFERENCES account (id),
    version         integer      NOT NULL DEFAULT 0
);
CREATE INDEX contact_organisation_idx ON contact (organisation_id);
CREATE UNIQUE INDEX contact_account_idx ON contact (account_id) WHERE account_id IS NOT NULL;

CREATE TABLE membership (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id     bigint        NOT NULL REFERENCES organisation (id),
    category            varchar(20)   NOT NULL CHECK (category IN ('FULL', 'PARTNER', 'ASSOCIATE')),
    state               varchar(20)   NOT NULL CHECK (state IN ('APPLIED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED',
                                                                'WITHDRAWN', 'ACTIVE', 'SUSPENDED', 'LAPSED',
                                                                'TERMINATED')),
    period_start        date,
    period_end          date,
    fee                 numeric(12, 2) NOT NULL DEFAULT 0 CHECK (fee >= 0),
    agreement_reference varchar(100),
    last_reason         varchar(2000),
    applied_at          timestamp with time zone NOT NULL DEFAULT now(),
    changed_at          timestamp with time zone NOT NULL DEFAULT now(),
    -- the period end for which the renewal reminder went out, so it goes out once per period
    reminded_for        date,
    version             integer       NOT NULL DEFAULT 0,
    CONSTRAINT membership_period CHECK (period_end IS NULL OR period_start <= period_end)
);
-- at most one current membership per organisation; ended ones stay as its history
CREATE UNIQUE INDEX membership_current_idx ON membership (organisation_id)
    WHERE state NOT IN ('REJECTED', 'WITHDRAWN', 'TERMINATED');
CREATE INDEX membership_state_idx ON membership (state, period_end);

-- The in-app notifications of an organisation (its coordinators read them on the intranet).
CREATE TABLE notification (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id bigint       NOT NULL REFERENCES organisation (id),
    created_at      timestamp with time zone NOT NULL DEFAULT now(),
    -- message bundle key and its arguments (JSON array of strings), shown in the reader's language
    message_key     varchar(100) NOT NULL,
    arguments       varchar(2000) NOT NULL DEFAULT '[]',
    read_at         timestamp with time zone
);
CREATE INDEX notification_organisation_idx ON notification (organisation_id, created_at DESC);

-- Mail written in the transaction that decided it (the outbox), sent after commit and retried until it goes.
CREATE TABLE outgoing_mail (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient       varchar(254)  NOT NULL,
    subject         varchar(300)  NOT NULL,
    body            text          NOT NULL,
    created_at      timestamp with time zone NOT NULL DEFAULT now(),
    attempts        integer       NOT NULL DEFAULT 0,
    next_attempt_at timestamp with time zone NOT NULL DEFAULT now(),
    sent_at         timestamp with time zone,
    last_error      varchar(1000)
);
CREATE INDEX outgoing_mail_due_idx ON outgoing_mail (next_attempt_at) WHERE sent_at IS NULL;

-- One row per run of a scheduled job and due day: the instance that inserts it runs the job (DESIGN §5).
CREATE TABLE job_run (
    job        varchar(64) NOT NULL,
    due        date        NOT NULL,
    claimed_at timestamp with time zone NOT NULL DEFAULT now(),
    claimed_by varchar(200) NOT NULL,
    PRIMARY KEY (job, due)
);

-- Accounts acting for an organisation now point to one (V4 left the column without a constraint). No
-- organisation existed before this migration, so an older account's organisation id points nowhere: cleared.
UPDATE account SET organisation_id = NULL WHERE organisation_id IS NOT NULL;
ALTER TABLE account ADD CONSTRAINT account_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id);
