/**
 * The intranet's pages of the project catalogue ({@code app/projects/}): the list of the caller's organisation's
 * projects, the form that records and revises one, and a project's page with the steps the caller may take.
 */
package fr.la27eregion.project.web;
