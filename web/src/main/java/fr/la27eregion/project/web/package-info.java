/**
 * The pages of the project catalogue: in the intranet ({@code app/projects/}) the list of the caller's organisation's
 * projects, the form that records and revises one, a project's page with the steps the caller may take, and the
 * search; on the public side the search, the public project page and similar projects.
 */
package fr.la27eregion.project.web;
