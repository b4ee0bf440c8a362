/**
 * {@code Journal}: the one service that appends to the journal, in the caller's transaction, with the actor and
 * the request id taken from the container, never from the caller's word. {@code SubjectTimeline}: a record's
 * entries read back by their subject, newest first, a page at a time. {@code RecordHistory}: one record's entries
 * oldest first (by subject or by entity, as {@code RecordKind} says for each kind of record) and its state at an
 * instant reconstructed from them.
 */
package fr.la27eregion.journal.control;
