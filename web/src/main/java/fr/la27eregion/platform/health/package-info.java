/** MicroProfile Health checks: readiness follows the database. */
package fr.la27eregion.platform.health;
