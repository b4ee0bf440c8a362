/**
 * The project part of the REST API: a project's files ({@code /api/v1/projects/{id}/attachments}). The resources
 * only translate between HTTP and the boundaries, which decide who sees and changes which project.
 */
package fr.la27eregion.project.api;
