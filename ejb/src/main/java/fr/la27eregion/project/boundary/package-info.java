/**
 * The use cases of the project catalogue (DESIGN §3): recording and revising projects, the steps of their two
 * workflows (visibility and stage), and reading them as far as the caller's scope goes ({@link Projects}); the
 * projects' files ({@link ProjectAttachments}); searching the catalogue ({@link ProjectSearch}).
 */
package fr.la27eregion.project.boundary;
