/** The identity part of the REST API: who the caller is ({@code GET /api/v1/me}), for machine clients. */
package fr.la27eregion.identity.api;
