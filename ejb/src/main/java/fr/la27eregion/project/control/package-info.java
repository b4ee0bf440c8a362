/** The rules of the project catalogue that several boundaries share: who sees and changes which project. */
package fr.la27eregion.project.control;
