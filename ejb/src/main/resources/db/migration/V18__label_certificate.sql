-- The certificate numbers of labels (issue 11): L27-YYYY-NNNN, gapless per year (label.control.CertificateNumbers).
--
-- One row per year holds the last number given. An award takes the next one by an upsert in its own transaction
-- (INSERT ... ON CONFLICT (year) DO UPDATE ... RETURNING): the row stays locked until that transaction ends, so
-- concurrent awards of a year take their numbers one after the other, and an award that rolls back undoes its
-- increment, which gives its number to the next award. A sequence would be faster but leaves gaps (nextval is
-- never rolled back), and an auditor reading L27-2026-0041 then L27-2026-0043 would look for the missing one.
--
-- Independent of the label tables (V17): the counter is read and written by number only, never joined.
CREATE TABLE label_certificate_counter (
    year        integer NOT NULL PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
    last_number integer NOT NULL CHECK (last_number > 0)
);

-- The application role reads and writes it like any ordinary table: V5's default privileges grant it when the
-- migrations run as an owner role of their own (db.migration.user), as for every table created after V5.
