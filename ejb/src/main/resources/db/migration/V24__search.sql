-- One search box across the intranet (issue 12, home.boundary.Search): organisations, projects, label applications
-- and labels, each found by PostgreSQL full text in French with accents folded (V14's french_unaccent), as the
-- project catalogue is (V14, V16, V19: the projects need nothing more). Each kind gets a search vector and its GIN
-- index, so a search reads the index and then only the rows it names, inside the caller's scope.
--
-- An organisation's words are its own (name, then address): a generated column, like the project's.
-- An application and a label have no text of their own: they are found by the project's title, the applicant's name
-- and the campaign's or programme's names (a label also by its certificate number). Those live in other rows, which a
-- generated column cannot read, so a trigger computes the vector when the row is written and the parents' triggers
-- recompute it when a title or a name it holds changes (rare: a few rows each).

ALTER TABLE organisation ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('french_unaccent', name), 'A')
        || setweight(to_tsvector('french_unaccent', coalesce(address, '')), 'C')) STORED;
CREATE INDEX organisation_search_idx ON organisation USING gin (search_vector);

-- the words of an application: its project's title (A), the applicant's name (B), the campaign's and its programme's
-- names in both languages (C)
CREATE FUNCTION label_application_words(of_project bigint, of_applicant bigint, of_campaign bigint) RETURNS tsvector
    LANGUAGE sql STABLE AS $$
SELECT setweight(to_tsvector('french_unaccent', coalesce((SELECT p.title FROM project p WHERE p.id = of_project), '')), 'A')
       || setweight(to_tsvector('french_unaccent',
                                coalesce((SELECT o.name FROM organisation o WHERE o.id = of_applicant), '')), 'B')
       || setweight(to_tsvector('french_unaccent',
                                coalesce((SELECT c.title_fr || ' ' || c.title_en || ' ' || g.name_fr || ' ' || g.name_en
                                          FROM campaign c JOIN label_programme g ON g.id = c.programme_id
                                          WHERE c.id = of_campaign), '')), 'C')
$$;

-- the words of a label: its certificate number and its project's title (A), the holder's name (B), the programme's
-- names (C)
CREATE FUNCTION label_words(of_certificate varchar, of_project bigint, of_holder bigint, of_programme bigint) RETURNS tsvector
    LANGUAGE sql STABLE AS $$
SELECT setweight(to_tsvector('french_unaccent', of_certificate
                             || ' ' || coalesce((SELECT p.title FROM project p WHERE p.id = of_project), '')), 'A')
       || setweight(to_tsvector('french_unaccent',
                                coalesce((SELECT o.name FROM organisation o WHERE o.id = of_holder), '')), 'B')
       || setweight(to_tsvector('french_unaccent',
                                coalesce((SELECT g.name_fr || ' ' || g.name_en FROM label_programme g
                                          WHERE g.id = of_programme), '')), 'C')
$$;

ALTER TABLE label_application ADD COLUMN search_vector tsvector;
ALTER TABLE label ADD COLUMN search_vector tsvector;
UPDATE label_application SET search_vector = label_application_words(project_id, organisation_id, campaign_id);
UPDATE label SET search_vector = label_words(certificate_number, project_id, organisation_id, programme_id);
ALTER TABLE label_application ALTER COLUMN search_vector SET NOT NULL;
ALTER TABLE label ALTER COLUMN search_vector SET NOT NULL;
CREATE INDEX label_application_search_idx ON label_application USING gin (search_vector);
CREATE INDEX label_search_idx ON label USING gin (search_vector);

-- the row's own vector as it is written (a state change does not name these columns and costs nothing more)
CREATE FUNCTION label_application_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := label_application_words(NEW.project_id, NEW.organisation_id, NEW.campaign_id);
    RETURN NEW;
END
$$;
CREATE TRIGGER label_application_search BEFORE INSERT OR UPDATE OF project_id, organisation_id, campaign_id
    ON label_application FOR EACH ROW EXECUTE FUNCTION label_application_search();

CREATE FUNCTION label_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := label_words(NEW.certificate_number, NEW.project_id, NEW.organisation_id, NEW.programme_id);
    RETURN NEW;
END
$$;
CREATE TRIGGER label_search BEFORE INSERT OR UPDATE OF certificate_number, project_id, organisation_id, programme_id
    ON label FOR EACH ROW EXECUTE FUNCTION label_search();

-- a parent's words changed: the vectors that hold them follow (the rows found by the parents' indexes)
CREATE FUNCTION search_follow_project() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE label_application SET search_vector = label_application_words(project_id, organisation_id, campaign_id)
    WHERE project_id = NEW.id;
    UPDATE label SET search_vector = label_words(certificate_number, project_id, organisation_id, programme_id)
    WHERE project_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_follow_project AFTER UPDATE OF title ON project
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title) EXECUTE FUNCTION search_follow_project();

CREATE FUNCTION search_follow_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE label_application SET search_vector = label_application_words(project_id, organisation_id, campaign_id)
    WHERE organisation_id = NEW.id;
    UPDATE label SET search_vector = label_words(certificate_number, project_id, organisation_id, programme_id)
    WHERE organisation_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_follow_organisation AFTER UPDATE OF name ON organisation
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION search_follow_organisation();

CREATE FUNCTION search_follow_campaign() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE label_application SET search_vector = label_application_words(project_id, organisation_id, campaign_id)
    WHERE campaign_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_follow_campaign AFTER UPDATE OF title_fr, title_en ON campaign
    FOR EACH ROW WHEN (OLD.title_fr IS DISTINCT FROM NEW.title_fr OR OLD.title_en IS DISTINCT FROM NEW.title_en)
    EXECUTE FUNCTION search_follow_campaign();

CREATE FUNCTION search_follow_programme() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE label_application a
    SET search_vector = label_application_words(a.project_id, a.organisation_id, a.campaign_id)
    WHERE a.campaign_id IN (SELECT c.id FROM campaign c WHERE c.programme_id = NEW.id);
    UPDATE label SET search_vector = label_words(certificate_number, project_id, organisation_id, programme_id)
    WHERE programme_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_follow_programme AFTER UPDATE OF name_fr, name_en ON label_programme
    FOR EACH ROW WHEN (OLD.name_fr IS DISTINCT FROM NEW.name_fr OR OLD.name_en IS DISTINCT FROM NEW.name_en)
    EXECUTE FUNCTION search_follow_programme();
