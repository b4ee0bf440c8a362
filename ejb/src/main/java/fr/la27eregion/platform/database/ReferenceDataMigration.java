package fr.la27eregion.platform.database;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.zip.CRC32;

/**
 * Version 2 of the schema: seeds the reference data (regions of France today and before 2016, innovation themes)
 * from the CSV files shipped in {@code db/reference-data/}, the same files as the project's shared reference data.
 *
 * <p>The files are read by PostgreSQL's own CSV parser ({@code COPY ... FORMAT csv, HEADER}) into temporary
 * tables, then turned into rows by plain SQL, so the facts are loaded exactly as published. The checksum covers
 * the files, so Flyway notices if a released file is edited afterwards.
 */
public class ReferenceDataMigration implements JavaMigration {

    private static final String[] FILES = {
        "regions-fr.csv", "regions-fr-before-2016.csv", "themes.csv"
    };

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "reference data";
    }

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        for (String file : FILES) {
            try (InputStream in = open(file)) {
                crc.update(in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read reference data " + file, e);
            }
        }
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TEMPORARY TABLE csv_region (insee_code text, name text, nuts2_codes text, "
                    + "kind text, prefecture text) ON COMMIT DROP");
            sql.execute("CREATE TEMPORARY TABLE csv_former_region (insee_code text, name text, nuts2_code text, "
                    + "kind text, merged_into_insee_code text) ON COMMIT DROP");
            sql.execute("CREATE TEMPORARY TABLE csv_theme (position serial, code text, name_fr text, name_en text) "
                    + "ON COMMIT DROP");
            copy(connection, "csv_region", "regions-fr.csv");
            copy(connection, "csv_former_region", "regions-fr-before-2016.csv");
            copy(connection, "csv_theme (code, name_fr, name_en)", "themes.csv");

            sql.execute("INSERT INTO territory (code, kind, country_code, insee_code, name, nuts2_codes, area, prefecture) "
                    + "SELECT 'FR-' || insee_code, 'REGION', 'FR', insee_code, name, nuts2_codes, upper(kind), prefecture "
                    + "FROM csv_region ORDER BY insee_code");
            sql.execute("INSERT INTO territory (code, kind, country_code, insee_code, name, nuts2_codes, area, merged_into_id) "
                    + "SELECT 'FR-' || f.insee_code || '-2015', 'FORMER_REGION', 'FR', f.insee_code, f.name, f.nuts2_code, "
                    + "upper(f.kind), t.id FROM csv_former_region f "
                    + "JOIN territory t ON t.kind = 'REGION' AND t.insee_code = f.merged_into_insee_code "
                    + "ORDER BY f.insee_code");
            sql.execute("INSERT INTO theme (code, name_fr, name_en, position) "
                    + "SELECT code, name_fr, name_en, position FROM csv_theme");
            verifyCount(sql, "SELECT count(*) FROM territory WHERE kind = 'FORMER_REGION'",
                    "SELECT count(*) FROM csv_former_region", "former regions (each must merge into a known region)");
        }
    }

    private static void copy(Connection connection, String table, String file) throws Exception {
        try (Reader csv = new InputStreamReader(open(file), StandardCharsets.UTF_8)) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')", csv);
        }
    }

    private static void verifyCount(Statement sql, String loaded, String expected, String what) throws Exception {
        long have = single(sql, loaded);
        long want = single(sql, expected);
        if (have != want) {
            throw new IllegalStateException("Reference data: " + have + " of " + want + " " + what + " loaded");
        }
    }

    private static long single(Statement sql, String query) throws Exception {
        try (var rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static InputStream open(String file) {
        InputStream in = ReferenceDataMigration.class.getResourceAsStream("/db/reference-data/" + file);
        if (in == null) {
            throw new IllegalStateException("Reference data file missing from the archive: db/reference-data/" + file);
        }
        return in;
    }
}
