/** The use cases of the project catalogue: searching it ({@link fr.la27eregion.project.boundary.ProjectSearch}). */
package fr.la27eregion.project.boundary;
