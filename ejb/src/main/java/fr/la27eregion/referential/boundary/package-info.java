/** Use cases on reference data: reading territories and themes. Open to everyone, the data is public. */
package fr.la27eregion.referential.boundary;
