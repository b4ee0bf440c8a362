/**
 * The journal: an append-only, tamper-evident record of every state change and security-relevant act, written
 * in the same transaction as the change, so a rolled-back use case leaves no entry and a committed one always
 * has its entry. Each entry's SHA-256 hash covers the previous entry's hash and a documented canonical form of
 * the entry ({@link fr.la27eregion.journal.chain.CanonicalEntry}), so an auditor can recompute the whole chain
 * with another tool and find the first entry that was changed.
 *
 * <p>{@code chain}: the canonical form, the append algorithm and the verification, plain Java SE shared with the
 * offline tools of {@code ops/}; {@code control}: {@code Journal}, the one service that appends;
 * {@code boundary}: verification and history for auditors; {@code entity}: the entry as stored.
 */
package fr.la27eregion.journal;
