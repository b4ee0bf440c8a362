-- Content the secretariat edits for the public pages (content.boundary.Contents, issue 14): the home text, each
-- theme's introduction, news items, short explainers of a method or a technology, and the editable parts of the
-- accessibility statement. French and English side by side; the rich texts kept as the OWASP sanitiser left them.
-- Its state is the workflow's (DRAFT, PUBLISHED, UNPUBLISHED): only PUBLISHED reaches a public page.
CREATE TABLE content_item (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         varchar(14)  NOT NULL CHECK (kind IN ('HOME', 'THEME', 'NEWS', 'EXPLAINER', 'ACCESSIBILITY')),
    -- the readable part of its public address: the theme's code for a theme, a slug for news and explainers
    item_key     varchar(80)  NOT NULL CHECK (item_key ~ '^[a-z0-9][a-z0-9-]*$'),
    state        varchar(12)  NOT NULL CHECK (state IN ('DRAFT', 'PUBLISHED', 'UNPUBLISHED')),
    title_fr     varchar(200) NOT NULL,
    title_en     varchar(200) NOT NULL,
    summary_fr   varchar(500) NOT NULL DEFAULT '',
    summary_en   varchar(500) NOT NULL DEFAULT '',
    body_fr      text         NOT NULL DEFAULT '',
    body_en      text         NOT NULL DEFAULT '',
    created_at   timestamp with time zone NOT NULL,
    created_by   varchar(64)  NOT NULL,
    updated_at   timestamp with time zone NOT NULL,
    published_at timestamp with time zone,
    changed_at   timestamp with time zone NOT NULL,
    last_reason  varchar(2000),
    version      integer      NOT NULL DEFAULT 0,
    -- one item of a kind per key: a theme has one introduction, there is one home text
    UNIQUE (kind, item_key)
);
-- the public pages read what is published of a kind, the latest first
CREATE INDEX content_item_published_idx ON content_item (kind, published_at DESC) WHERE state = 'PUBLISHED';

-- the projects a content item points to, chosen by the secretariat: the projects an explainer explains (each
-- public project's page links to its explainers), the projects the home page features
CREATE TABLE content_project (
    content_id bigint NOT NULL REFERENCES content_item (id) ON DELETE CASCADE,
    project_id bigint NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    PRIMARY KEY (content_id, project_id)
);
CREATE INDEX content_project_project_idx ON content_project (project_id);
