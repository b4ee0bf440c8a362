/**
 * The label pages of the intranet ({@code app/labels/}): the application page, where the applicant answers the
 * criteria, takes its steps and writes in the conversation. Thin view-scoped beans over the boundaries.
 */
package fr.la27eregion.label.web;
