/** Pages of reference data: {@code public/territories.xhtml}. */
package fr.la27eregion.referential.web;
