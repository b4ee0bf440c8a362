package fr.la27eregion.platform.database;

/**
 * Fired once the schema is up to date, at start or after the database came back: what needs the database at
 * start (demo data, jobs) waits for it instead of racing the migration.
 *
 * @param version the schema version now in force
 */
public record SchemaMigrated(String version) {
}
