/** The REST API of the project catalogue: searching it ({@code GET /api/v1/projects}). */
package fr.la27eregion.project.api;
