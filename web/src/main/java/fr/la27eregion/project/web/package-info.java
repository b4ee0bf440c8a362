/** The pages of the project catalogue: search (intranet and public), the public project page, similar projects. */
package fr.la27eregion.project.web;
