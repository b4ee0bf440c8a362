/**
 * The project part of the REST API: searching the catalogue and a project's record ({@code /api/v1/projects}), its
 * steps and its files ({@code /api/v1/projects/{id}/attachments}). The resources only translate between HTTP and the
 * boundaries, which decide who sees and changes which project.
 */
package fr.la27eregion.project.api;
