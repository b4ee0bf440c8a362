-- How many reviewers each label application has, kept with the application (issue 12): the secretariat's home
-- counts the submitted applications without a reviewer, those still short of reviewers and those whose recused
-- reviewer waits for a replacement on every page (the menu's badges). Measured with 50,000 applications
-- (ops/bench/home), reading them from the assessments cost 60 to 150 ms per count (an anti-join of every submitted
-- application with every assessment); kept here, each count reads a partial index of the applications it counts.
-- Written by the database alone, as application_conversation (V22): a trigger counts an application's assessments
-- again whenever one is added, changes state or goes.
ALTER TABLE label_application
    ADD COLUMN reviewers_active  smallint NOT NULL DEFAULT 0 CHECK (reviewers_active >= 0),
    ADD COLUMN reviewers_recused smallint NOT NULL DEFAULT 0 CHECK (reviewers_recused >= 0);

COMMENT ON COLUMN label_application.reviewers_active IS
    'Assessments of the application not recused (assigned or submitted); kept by the trigger '
    'assessment_count_reviewers';
COMMENT ON COLUMN label_application.reviewers_recused IS
    'Assessments of the application recused; kept by the trigger assessment_count_reviewers';

CREATE FUNCTION assessment_count_reviewers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- the application the assessment is of, and the one it was of when an update moved it
    UPDATE label_application a
       SET reviewers_active  = (SELECT count(*) FROM assessment s WHERE s.application_id = a.id
                                                                    AND s.state <> 'RECUSED'),
           reviewers_recused = (SELECT count(*) FROM assessment s WHERE s.application_id = a.id
                                                                    AND s.state = 'RECUSED')
     WHERE a.id IN (CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.application_id END,
                    CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.application_id END);
    RETURN NULL;
END
$$;
CREATE TRIGGER assessment_count_reviewers AFTER INSERT OR DELETE OR UPDATE OF state, application_id ON assessment
    FOR EACH ROW EXECUTE FUNCTION assessment_count_reviewers();

UPDATE label_application a
   SET reviewers_active  = counts.active,
       reviewers_recused = counts.recused
  FROM (SELECT application_id, count(*) FILTER (WHERE state <> 'RECUSED') AS active,
               count(*) FILTER (WHERE state = 'RECUSED') AS recused
          FROM assessment GROUP BY application_id) counts
 WHERE a.id = counts.application_id;

-- submitted, no reviewer yet: waiting for the eligibility check and assignment, the oldest first
CREATE INDEX label_application_unassigned_idx ON label_application (submitted_at, id)
    WHERE state = 'SUBMITTED' AND reviewers_active = 0;
-- submitted, some reviewers but not all (an application is in review once its last reviewer is assigned)
CREATE INDEX label_application_short_idx ON label_application (submitted_at, id)
    WHERE state = 'SUBMITTED' AND reviewers_active > 0 AND reviewers_recused = 0;
-- open, with a recusal: perhaps waiting for a replacement (the programme says how many reviewers it needs: the
-- campaign and the count of reviewers are in the index, so the count reads it alone)
CREATE INDEX label_application_recused_idx ON label_application (changed_at, id) INCLUDE (campaign_id, reviewers_active)
    WHERE state IN ('SUBMITTED', 'IN_REVIEW') AND reviewers_recused > 0;
