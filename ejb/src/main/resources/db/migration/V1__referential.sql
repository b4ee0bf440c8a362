-- Reference data: the territories of the network and the innovation themes.
-- Seeded by V2 (fr.la27eregion.platform.database.ReferenceDataMigration) from db/reference-data/*.csv.

CREATE TABLE territory (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- stable public identifier: FR-<INSEE> for a region of France since 2016, FR-<INSEE>-2015 for a region
    -- as it was until 31 December 2015, the NUTS-2 code for a European region
    code           varchar(32)  NOT NULL UNIQUE,
    kind           varchar(20)  NOT NULL CHECK (kind IN ('REGION', 'FORMER_REGION', 'EUROPEAN_REGION')),
    country_code   char(2)      NOT NULL,
    insee_code     varchar(3),
    name           varchar(200) NOT NULL,
    -- the Eurostat NUTS-2 areas it covers, separated by ';'
    nuts2_codes    varchar(200) NOT NULL,
    area           varchar(20)  CHECK (area IN ('METROPOLITAN', 'OVERSEAS')),
    prefecture     varchar(100),
    merged_into_id bigint REFERENCES territory (id),
    version        integer      NOT NULL DEFAULT 0,
    CONSTRAINT territory_insee_for_france CHECK (kind = 'EUROPEAN_REGION' OR insee_code IS NOT NULL),
    CONSTRAINT territory_merge_only_former CHECK (merged_into_id IS NULL OR kind = 'FORMER_REGION')
);
CREATE INDEX territory_kind_idx ON territory (kind);
CREATE INDEX territory_merged_into_idx ON territory (merged_into_id);

CREATE TABLE theme (
    code     varchar(40)  PRIMARY KEY,
    name_fr  varchar(200) NOT NULL,
    name_en  varchar(200) NOT NULL,
    position integer      NOT NULL UNIQUE,
    version  integer      NOT NULL DEFAULT 0
);
