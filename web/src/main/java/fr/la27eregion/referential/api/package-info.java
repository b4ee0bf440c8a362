/** Open data of reference: territories and themes, as JSON under {@code /api/v1}. */
package fr.la27eregion.referential.api;
