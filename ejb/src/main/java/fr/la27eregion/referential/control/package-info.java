/**
 * Changes to the reference data made by other features' use cases: {@code EuropeanRegions} adds a European region
 * to the referential when the secretariat approves the application that proposed it.
 */
package fr.la27eregion.referential.control;
