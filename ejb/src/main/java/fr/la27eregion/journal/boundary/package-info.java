/**
 * What auditors and the secretariat do with the journal: verify the whole chain ({@code JournalAudit}), read a
 * record's timeline and its state at any date ({@code RecordTimelines}).
 * Nothing here writes; the journal is written only by the workflows, through {@code journal.control.Journal}.
 */
package fr.la27eregion.journal.boundary;
