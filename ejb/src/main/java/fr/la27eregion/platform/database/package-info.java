/**
 * The platform's PostgreSQL database: its definition (settings from MicroProfile Config, so one archive runs
 * anywhere) and its schema, owned by Flyway migrations applied at deployment before anything else uses it.
 */
package fr.la27eregion.platform.database;
