/** What waits for the caller, for a client: {@code GET /api/v1/home}, the same sections as the intranet's home. */
package fr.la27eregion.home.api;
