/** The use cases of the project catalogue: its projects' files ({@link ProjectAttachments}). */
package fr.la27eregion.project.boundary;
