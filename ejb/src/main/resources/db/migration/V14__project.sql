-- Innovation projects (DESIGN §3, issue 10): the catalogue the regions fill and search.
--
-- Search is PostgreSQL full text in French, accents folded (unaccent), so "ecoles" finds "Écoles". Both
-- extensions are "trusted" since PostgreSQL 13: the owner of the database creates them without being a superuser.
-- An installation whose migration role may not create extensions has a DBA run the two CREATE EXTENSION lines
-- first (README, "Installation"); the IF NOT EXISTS then leaves them as they are. On Debian they come with the
-- server package (postgresql-NN ships the contrib modules).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- French stemming after accents are folded: the search vectors and the queries use this one configuration.
CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION french_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

CREATE TABLE project (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title              varchar(200)  NOT NULL,
    -- the readable part of its public address (/public/projets/{id}-{slug}), from the title; the id decides
    slug               varchar(80)   NOT NULL,
    summary            varchar(1000) NOT NULL,
    -- rich text as sanitised HTML (the small safe subset the server keeps), and its plain text for search
    description        text          NOT NULL DEFAULT '',
    description_text   text          NOT NULL DEFAULT '',
    lessons            text          NOT NULL DEFAULT '',
    lessons_text       text          NOT NULL DEFAULT '',
    lead_organisation_id bigint      NOT NULL REFERENCES organisation (id),
    kind               varchar(20)   NOT NULL CHECK (kind IN ('INNOVATION', 'EXPERIMENT', 'INTER_REGIONAL',
                                                              'INTERNATIONAL', 'FORESIGHT')),
    stage              varchar(20)   NOT NULL CHECK (stage IN ('IDEA', 'EXPERIMENTING', 'DEPLOYED', 'EVALUATED',
                                                               'STOPPED')),
    visibility         varchar(10)   NOT NULL CHECK (visibility IN ('DRAFT', 'NETWORK', 'PUBLIC')),
    started_on         date,
    ended_on           date,
    budget_euros       numeric(14, 2) CHECK (budget_euros >= 0),
    contact_name       varchar(200),
    contact_email      varchar(254),
    contact_phone      varchar(40),
    created_at         timestamp with time zone NOT NULL,
    -- the last change of the record (its fields), and the last step of its workflow (stage or visibility)
    updated_at         timestamp with time zone NOT NULL,
    changed_at         timestamp with time zone NOT NULL,
    -- the first time it left DRAFT
    published_at       timestamp with time zone,
    created_by         varchar(64),
    last_reason        varchar(2000),
    version            integer       NOT NULL DEFAULT 0,
    -- ranked search: the title weighs most, then the summary, then the description, then the lessons
    search_vector      tsvector GENERATED ALWAYS AS (
                           setweight(to_tsvector('french_unaccent', title), 'A')
                           || setweight(to_tsvector('french_unaccent', summary), 'B')
                           || setweight(to_tsvector('french_unaccent', description_text), 'C')
                           || setweight(to_tsvector('french_unaccent', lessons_text), 'D')) STORED,
    CONSTRAINT project_dates CHECK (ended_on IS NULL OR started_on IS NULL OR started_on <= ended_on)
);
CREATE INDEX project_search_idx ON project USING gin (search_vector);
CREATE INDEX project_title_trgm_idx ON project USING gin (title gin_trgm_ops);
CREATE INDEX project_lead_idx ON project (lead_organisation_id);
CREATE INDEX project_visibility_idx ON project (visibility, stage, kind);

-- Member organisations of the network that take part (the lead is not repeated here).
CREATE TABLE project_partner (
    project_id      bigint NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (project_id, organisation_id)
);
CREATE INDEX project_partner_organisation_idx ON project_partner (organisation_id);

-- Partners outside the network: a university, a design studio, a foreign city...
CREATE TABLE project_outside_partner (
    project_id   bigint       NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    position     integer      NOT NULL,
    name         varchar(200) NOT NULL,
    country_code char(2)      NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
    kind         varchar(20)  NOT NULL CHECK (kind IN ('UNIVERSITY', 'RESEARCH', 'COMPANY', 'DESIGN_STUDIO',
                                                       'ASSOCIATION', 'PUBLIC_BODY', 'LOCAL_AUTHORITY', 'OTHER')),
    PRIMARY KEY (project_id, position)
);

-- Where it happens: regions of today, former regions (a project before 2016), European NUTS-2 regions.
CREATE TABLE project_territory (
    project_id   bigint NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    territory_id bigint NOT NULL REFERENCES territory (id),
    PRIMARY KEY (project_id, territory_id)
);
CREATE INDEX project_territory_territory_idx ON project_territory (territory_id, project_id);

CREATE TABLE project_theme (
    project_id bigint      NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    theme_code varchar(40) NOT NULL REFERENCES theme (code),
    PRIMARY KEY (project_id, theme_code)
);
CREATE INDEX project_theme_theme_idx ON project_theme (theme_code, project_id);

CREATE TABLE project_link (
    project_id bigint       NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    position   integer      NOT NULL,
    url        varchar(500) NOT NULL CHECK (url ~* '^https?://'),
    label      varchar(200),
    PRIMARY KEY (project_id, position)
);

-- A file attached to a project. Its content is kept either in PostgreSQL (project_attachment_content, the
-- default) or in a folder of the server (projects.attachments.folder, for large installations), under a name the
-- server chose (stored_name), never the sender's. The type is the one read from the content (magic bytes).
CREATE TABLE project_attachment (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id   bigint        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    file_name    varchar(200)  NOT NULL,
    media_type   varchar(100)  NOT NULL,
    size_bytes   bigint        NOT NULL CHECK (size_bytes > 0),
    sha256       char(64)      NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    stored_name  varchar(100),
    uploaded_at  timestamp with time zone NOT NULL,
    uploaded_by  varchar(64),
    version      integer       NOT NULL DEFAULT 0
);
CREATE INDEX project_attachment_project_idx ON project_attachment (project_id, id);

-- The bytes of an attachment kept in the database: a table of their own, so listing attachments never reads them.
CREATE TABLE project_attachment_content (
    attachment_id bigint PRIMARY KEY REFERENCES project_attachment (id) ON DELETE CASCADE,
    content       bytea  NOT NULL
);

-- The application role reads and writes these like any ordinary table (V5's default privileges).
