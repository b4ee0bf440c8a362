/**
 * What auditors and the secretariat do with the journal: verify the whole chain, read a record's history.
 * Nothing here writes; the journal is written only by the workflows, through {@code journal.control.Journal}.
 */
package fr.la27eregion.journal.boundary;
