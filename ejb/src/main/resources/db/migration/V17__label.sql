-- Labels (DESIGN §3, issue 11): programmes and their versioned scoring grids, campaigns (calls for applications),
-- applications with their answers, attachments and conversation, assessments by reviewers, and the labels
-- awarded. Every table of the feature is here, so the review, jury and certificate parts code against one schema;
-- the certificate's per-year counter comes in V18.
--
-- The application role reads and writes these like any ordinary table (V5's default privileges grant it).

CREATE TABLE label_programme (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                     varchar(40)  NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{1,39}$'),
    name_fr                  varchar(200) NOT NULL,
    name_en                  varchar(200) NOT NULL,
    reviewers_per_application integer     NOT NULL DEFAULT 2 CHECK (reviewers_per_application BETWEEN 1 AND 10),
    validity_months          integer      NOT NULL DEFAULT 24 CHECK (validity_months BETWEEN 1 AND 240),
    renewable                boolean      NOT NULL DEFAULT true,
    -- null: the programme has no levels; else the jury grants a level from 1 to levels
    levels                   integer      CHECK (levels BETWEEN 1 AND 10),
    -- the special mentions the jury may grant
    mentions                 text[]       NOT NULL DEFAULT '{}',
    -- a blind programme hides the applicant's organisation and people from reviewers
    blind                    boolean      NOT NULL DEFAULT false,
    -- whether a reviewer sees the other reviewers' scores once theirs is submitted
    scores_open_after_submit boolean      NOT NULL DEFAULT false,
    created_at               timestamp with time zone NOT NULL,
    updated_at               timestamp with time zone NOT NULL,
    version                  integer      NOT NULL DEFAULT 0
);

-- A version of a programme's grid. Never changed once written: revising the criteria writes the next version, and
-- a campaign keeps the version it froze.
CREATE TABLE scoring_grid (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id bigint  NOT NULL REFERENCES label_programme (id),
    grid_version integer NOT NULL CHECK (grid_version >= 1),
    created_at   timestamp with time zone NOT NULL,
    UNIQUE (programme_id, grid_version)
);

CREATE TABLE scoring_criterion (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grid_id     bigint       NOT NULL REFERENCES scoring_grid (id),
    position    integer      NOT NULL CHECK (position >= 0),
    code        varchar(40)  NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
    label_fr    varchar(300) NOT NULL,
    label_en    varchar(300) NOT NULL,
    guidance_fr text         NOT NULL DEFAULT '',
    guidance_en text         NOT NULL DEFAULT '',
    weight      numeric(5, 2) NOT NULL CHECK (weight > 0),
    max_score   integer      NOT NULL CHECK (max_score > 0 AND max_score <= 100),
    UNIQUE (grid_id, position),
    UNIQUE (grid_id, code)
);

-- The texts the jury starts a motivation from.
CREATE TABLE decision_template (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id bigint       NOT NULL REFERENCES label_programme (id),
    kind         varchar(10)  NOT NULL CHECK (kind IN ('AWARD', 'REJECT')),
    title        varchar(200) NOT NULL,
    text_fr      text         NOT NULL,
    text_en      text         NOT NULL
);
CREATE INDEX decision_template_programme_idx ON decision_template (programme_id, kind);

-- A call for applications: open from opens_at (included) to closes_at (excluded), by the server's clock.
CREATE TABLE campaign (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id          bigint       NOT NULL REFERENCES label_programme (id),
    grid_id               bigint       NOT NULL REFERENCES scoring_grid (id),
    code                  varchar(40)  NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{1,39}$'),
    title_fr              varchar(200) NOT NULL,
    title_en              varchar(200) NOT NULL,
    opens_at              timestamp with time zone NOT NULL,
    closes_at             timestamp with time zone NOT NULL,
    jury_on               date,
    jury_chair_account_id bigint       REFERENCES account (id),
    created_at            timestamp with time zone NOT NULL,
    updated_at            timestamp with time zone NOT NULL,
    version               integer      NOT NULL DEFAULT 0,
    CONSTRAINT campaign_period CHECK (opens_at < closes_at)
);
CREATE INDEX campaign_programme_idx ON campaign (programme_id);
-- the public side lists the campaigns open now
CREATE INDEX campaign_open_idx ON campaign (closes_at, opens_at);
-- a grid version a campaign froze is never revised: the programmes' boundary reads this
CREATE INDEX campaign_grid_idx ON campaign (grid_id);

CREATE TABLE label_application (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id         bigint       NOT NULL REFERENCES campaign (id),
    project_id          bigint       NOT NULL REFERENCES project (id),
    -- the applicant: the project's lead organisation when the application was created
    organisation_id     bigint       NOT NULL REFERENCES organisation (id),
    state               varchar(20)  NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED',
                                                               'IN_REVIEW', 'REVIEWED', 'AWARDED', 'REJECTED',
                                                               'INELIGIBLE', 'WITHDRAWN')),
    -- set by the label helper's renewal (FK added below, once label exists)
    renewal_of_label_id bigint,
    created_at          timestamp with time zone NOT NULL,
    updated_at          timestamp with time zone NOT NULL,
    changed_at          timestamp with time zone NOT NULL,
    created_by          varchar(64),
    submitted_at        timestamp with time zone,
    reviewed_at         timestamp with time zone,
    decided_at          timestamp with time zone,
    weighted_total      numeric,
    level               integer      CHECK (level >= 1),
    mentions            text[]       NOT NULL DEFAULT '{}',
    decision_motivation text,
    last_reason         varchar(2000),
    version             integer      NOT NULL DEFAULT 0
);
-- one live application per project and campaign: a withdrawn one leaves room for a new one
CREATE UNIQUE INDEX label_application_live_idx ON label_application (campaign_id, project_id)
    WHERE state <> 'WITHDRAWN';
CREATE INDEX label_application_organisation_idx ON label_application (organisation_id, updated_at DESC);
CREATE INDEX label_application_campaign_idx ON label_application (campaign_id, state);
CREATE INDEX label_application_project_idx ON label_application (project_id);

CREATE TABLE application_answer (
    application_id bigint NOT NULL REFERENCES label_application (id) ON DELETE CASCADE,
    criterion_id   bigint NOT NULL REFERENCES scoring_criterion (id),
    answer         text   NOT NULL,
    PRIMARY KEY (application_id, criterion_id)
);

-- The conversation on an application between the secretariat and the applicant. Append-only by use: a message is
-- kept with the record, for auditors.
CREATE TABLE application_message (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id    bigint      NOT NULL REFERENCES label_application (id),
    author_account_id bigint      NOT NULL REFERENCES account (id),
    author_side       varchar(12) NOT NULL CHECK (author_side IN ('SECRETARIAT', 'APPLICANT')),
    body              text        NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    sent_at           timestamp with time zone NOT NULL
);
CREATE INDEX application_message_application_idx ON application_message (application_id, sent_at, id);

-- A file attached to an application, or to one message of its conversation; kept as project_attachment's are
-- (type from the content, bytes in application_attachment_content or in a folder under stored_name).
CREATE TABLE application_attachment (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id bigint       NOT NULL REFERENCES label_application (id) ON DELETE CASCADE,
    message_id     bigint       REFERENCES application_message (id),
    file_name      varchar(200) NOT NULL,
    media_type     varchar(100) NOT NULL,
    size_bytes     bigint       NOT NULL CHECK (size_bytes > 0),
    sha256         char(64)     NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    stored_name    varchar(100),
    uploaded_at    timestamp with time zone NOT NULL,
    uploaded_by    varchar(64),
    version        integer      NOT NULL DEFAULT 0
);
CREATE INDEX application_attachment_application_idx ON application_attachment (application_id, id);
CREATE INDEX application_attachment_message_idx ON application_attachment (message_id) WHERE message_id IS NOT NULL;

CREATE TABLE application_attachment_content (
    attachment_id bigint PRIMARY KEY REFERENCES application_attachment (id) ON DELETE CASCADE,
    content       bytea  NOT NULL
);

-- A reviewer's assessment of one application.
CREATE TABLE assessment (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id           bigint      NOT NULL REFERENCES label_application (id),
    reviewer_account_id      bigint      NOT NULL REFERENCES account (id),
    -- the reviewer's organisation when assigned (null: an expert of no member organisation)
    reviewer_organisation_id bigint      REFERENCES organisation (id),
    state                    varchar(10) NOT NULL CHECK (state IN ('ASSIGNED', 'SUBMITTED', 'RECUSED')),
    due_on                   date,
    conflict_declared        boolean     NOT NULL DEFAULT false,
    conflict_reason          text,
    comments                 text,
    weighted_total           numeric,
    assigned_at              timestamp with time zone NOT NULL,
    changed_at               timestamp with time zone NOT NULL,
    submitted_at             timestamp with time zone,
    last_reason              varchar(2000),
    version                  integer     NOT NULL DEFAULT 0,
    UNIQUE (application_id, reviewer_account_id)
);
CREATE INDEX assessment_reviewer_idx ON assessment (reviewer_account_id, state);

CREATE TABLE assessment_score (
    assessment_id bigint  NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    criterion_id  bigint  NOT NULL REFERENCES scoring_criterion (id),
    score         integer NOT NULL CHECK (score >= 0),
    PRIMARY KEY (assessment_id, criterion_id)
);

-- A label awarded: a record of its own that outlives its application.
CREATE TABLE label (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id      bigint       NOT NULL UNIQUE REFERENCES label_application (id),
    programme_id        bigint       NOT NULL REFERENCES label_programme (id),
    project_id          bigint       NOT NULL REFERENCES project (id),
    organisation_id     bigint       NOT NULL REFERENCES organisation (id),
    certificate_number  varchar(20)  NOT NULL UNIQUE CHECK (certificate_number ~ '^L27-[0-9]{4}-[0-9]{4,}$'),
    verification_code   varchar(64)  NOT NULL UNIQUE,
    level               integer      CHECK (level >= 1),
    mentions            text[]       NOT NULL DEFAULT '{}',
    awarded_on          date         NOT NULL,
    valid_until         date         NOT NULL,
    state               varchar(10)  NOT NULL CHECK (state IN ('ACTIVE', 'EXPIRED', 'SUSPENDED', 'REVOKED',
                                                               'RENEWED')),
    renewed_by_label_id bigint       REFERENCES label (id),
    changed_at          timestamp with time zone NOT NULL,
    last_reason         varchar(2000),
    version             integer      NOT NULL DEFAULT 0,
    CONSTRAINT label_validity CHECK (awarded_on < valid_until)
);
CREATE INDEX label_programme_idx ON label (programme_id, awarded_on);
CREATE INDEX label_organisation_idx ON label (organisation_id);
CREATE INDEX label_project_idx ON label (project_id);
-- the daily job finds the labels to expire or to remind
CREATE INDEX label_active_until_idx ON label (valid_until) WHERE state = 'ACTIVE';

ALTER TABLE label_application
    ADD CONSTRAINT label_application_renewal_of_label_fk FOREIGN KEY (renewal_of_label_id) REFERENCES label (id);
