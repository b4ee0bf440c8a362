-- One regional council per region of France and one organisation per European region: the application checks it,
-- and this index keeps it true when two applications for one region arrive at the same instant.
CREATE UNIQUE INDEX organisation_region_idx ON organisation (territory_id)
    WHERE kind IN ('REGIONAL_COUNCIL', 'EUROPEAN_REGION');
