/** The secretariat's content through the REST API: {@code /api/v1/content-items}. */
package fr.la27eregion.content.api;
