-- A European region's application no longer adds its region to the public referential: it proposes it. The NUTS-2
-- code and name stay on the applying organisation (which has no territory meanwhile), and the region joins the
-- referential when the secretariat approves the application (fr.la27eregion.membership.boundary.Memberships, journaled
-- as territory.add). A pending, rejected or withdrawn application publishes no region.

ALTER TABLE organisation
    ADD COLUMN proposed_region_code varchar(4) CHECK (proposed_region_code ~ '^[A-Z]{2}[0-9A-Z]{2}$'
                                                      AND proposed_region_code NOT LIKE 'FR%'),
    ADD COLUMN proposed_region_name varchar(200);

-- The regions that anonymous applications put into the referential before this version, whose application was
-- never approved (every membership of the organisation still applied, under review, rejected or withdrawn), go
-- back onto their application as proposals, and leave the referential when nothing else refers to them. A region
-- approved once (any membership approved, active, suspended, lapsed or terminated) stays. These data moves are
-- this migration's, not a use case's: no journal entry records them (the applications' own entries already name
-- the code they gave).
CREATE TEMPORARY TABLE unapproved_region ON COMMIT DROP AS
SELECT o.id AS organisation_id, t.id AS territory_id, t.code, t.name
FROM organisation o
    JOIN territory t ON t.id = o.territory_id
WHERE o.kind = 'EUROPEAN_REGION'
  AND t.kind = 'EUROPEAN_REGION'
  AND NOT EXISTS (SELECT 1 FROM membership m
                  WHERE m.organisation_id = o.id
                    AND m.state NOT IN ('APPLIED', 'UNDER_REVIEW', 'REJECTED', 'WITHDRAWN'))
  AND NOT EXISTS (SELECT 1 FROM organisation other WHERE other.territory_id = t.id AND other.id <> o.id)
  AND t.code ~ '^[A-Z]{2}[0-9A-Z]{2}$';

UPDATE organisation o
SET territory_id = NULL, proposed_region_code = u.code, proposed_region_name = u.name
FROM unapproved_region u
WHERE o.id = u.organisation_id;

DELETE FROM territory t
USING unapproved_region u
WHERE t.id = u.territory_id
  AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.territory_id = t.id)
  AND NOT EXISTS (SELECT 1 FROM territory merged WHERE merged.merged_into_id = t.id);

-- A regional council has its region; a European region has its territory, or proposes one while it applies.
ALTER TABLE organisation DROP CONSTRAINT organisation_territory;
ALTER TABLE organisation ADD CONSTRAINT organisation_territory
    CHECK (kind NOT IN ('REGIONAL_COUNCIL', 'EUROPEAN_REGION') OR territory_id IS NOT NULL
           OR (kind = 'EUROPEAN_REGION' AND proposed_region_code IS NOT NULL));
-- A proposal is a European region's, has a name, and is spent (cleared) once the region is in the referential.
ALTER TABLE organisation ADD CONSTRAINT organisation_proposed_region
    CHECK ((proposed_region_code IS NULL) = (proposed_region_name IS NULL)
           AND (proposed_region_code IS NULL OR (kind = 'EUROPEAN_REGION' AND territory_id IS NULL)));

-- One application per proposed region, as one organisation per region of the referential (V8): two applications
-- for one new region arriving at the same instant cannot both be kept.
CREATE UNIQUE INDEX organisation_proposed_region_idx ON organisation (proposed_region_code)
    WHERE proposed_region_code IS NOT NULL;
