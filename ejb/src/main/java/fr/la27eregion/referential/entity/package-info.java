/** The reference data as JPA entities; the schema is owned by the Flyway migrations. */
package fr.la27eregion.referential.entity;
