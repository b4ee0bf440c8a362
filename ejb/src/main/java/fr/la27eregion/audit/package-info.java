/**
 * The auditor's workspace (issue 13): what auditors take away from the platform to work on, with proof of what it
 * was. {@code boundary.Exports} writes a table of the workspace (the journal, filtered) as CSV or XLSX in the
 * background, with a manifest naming the file's SHA-256 and the journal's head at the time of the export.
 */
package fr.la27eregion.audit;
