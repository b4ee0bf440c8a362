package fr.la27eregion.journal.chain;

/**
 * An entry as the chain holds it: its content, the hash of the entry before it, its own hash, and the subject
 * stored beside it (not hashed).
 *
 * @param prevHash the previous entry's hash ({@link CanonicalEntry#GENESIS} for entry 1)
 * @param hash     {@code content.hash(prevHash)}
 * @param subject  the record the entry belongs to, or null
 */
public record ChainedEntry(CanonicalEntry content, String prevHash, String hash, Subject subject) {

    /** An entry about no subject. */
    public ChainedEntry(CanonicalEntry content, String prevHash, String hash) {
        this(content, prevHash, hash, null);
    }
}
