/**
 * Open data (issue 14): the network's public records (members, public projects, labels) as datasets under the
 * Licence Ouverte / Open Licence 2.0, each described once ({@link fr.la27eregion.opendata.boundary.Dataset}: its
 * columns, their types) so that the CSV, the JSON, their JSON Schema, the DCAT catalogue and the documentation page
 * all say the same thing.
 */
package fr.la27eregion.opendata;
