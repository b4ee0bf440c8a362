/**
 * The hash chain of the journal in plain Java SE ({@code java.sql}, {@code java.security}, no Jakarta EE):
 * the canonical form of an entry and its hash, the append algorithm (lock the head, number, hash, insert, move
 * the head) and the streaming verification. Beside each entry the chain stores its {@code Subject}, which the
 * hash does not cover (an index for timelines, added after entries existed).
 *
 * <p>Why a package of its own, and no Jakarta EE in it: the same classes run inside the application server
 * (the {@code Journal} service, the {@code JournalAudit} boundary) and outside it, in {@code ops/tools}
 * ({@code VerifyJournal}, which verifies a database offline, and {@code JournalBenchmark}), which put the EJB
 * module on their class path without any Jakarta EE API. One implementation of the canonical form means the
 * offline verifier can never disagree with the platform about what a hash covers.
 */
package fr.la27eregion.journal.chain;
