package fr.la27eregion.journal.chain;

/**
 * An entry as the chain holds it: its content, the hash of the entry before it, and its own hash.
 *
 * @param prevHash the previous entry's hash ({@link CanonicalEntry#GENESIS} for entry 1)
 * @param hash     {@code content.hash(prevHash)}
 */
public record ChainedEntry(CanonicalEntry content, String prevHash, String hash) {
}
