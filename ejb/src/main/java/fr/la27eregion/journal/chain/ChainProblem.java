package fr.la27eregion.journal.chain;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * Why the journal, an anchor or a time stamp does not hold: a kind, which a page names in its reader's language
 * ({@code integrity.problem.<KIND>} in the messages bundles, the same arguments), and its arguments. Its
 * {@link #english} text is what the API, the logs and {@code ops/verify-journal} print.
 *
 * @param args the values the kind's sentence names, in order, already written as text (numbers, hashes, names)
 */
public record ChainProblem(Kind kind, List<String> args) implements Serializable {

    /** The ways a verification fails, each with its English sentence ({@link MessageFormat} pattern). */
    public enum Kind {
        HEAD_MISSING("the journal head is missing"),
        ENTRY_MISSING("entry {0} is missing (the next entry is {1})"),
        BEYOND_HEAD("entry {0} is beyond the head ({1}): it was not appended through the chain"),
        PREVIOUS_HASH("its prev_hash is not the hash of entry {0}"),
        CONTENT_CHANGED("its hash does not match its content: the entry was changed after it was written"),
        TAIL_MISSING("the head says the journal has {0} entries, but entries from {1} on are missing"),
        HEAD_HASH("the head''s hash is not the hash of the last entry"),
        ANCHORED_ENTRY_GONE("the journal has no entry {0} any more"),
        ANCHORED_HASH_CHANGED("entry {0} no longer has the anchored hash: the journal was rewritten"),
        STAMP_NOT_SHA256("the time stamp''s imprint is not a SHA-256 digest"),
        STAMP_OTHER_HASH("the time stamp does not match the anchor: it is over {0}, not the head hash {1}"),
        STAMP_NO_SIGNER("the time stamp carries no certificate of its signer, and no trusted one is configured"),
        STAMP_UNTRUSTED_SIGNER("the time stamp was not signed by the trusted authority ({0})"),
        STAMP_BAD_SIGNATURE("the time stamp''s signature does not verify: {0}"),
        STAMP_UNREADABLE("the time stamp cannot be read: {0}");

        private final String english;

        Kind(String english) {
            this.english = english;
        }

        /** The problem of this kind about {@code args} (numbers are written as given, without grouping). */
        public ChainProblem of(Object... args) {
            return new ChainProblem(this, java.util.Arrays.stream(args).map(String::valueOf).toList());
        }
    }

    public ChainProblem {
        args = List.copyOf(args);
    }

    /** The sentence in English, for the API, logs and terminals. */
    public String english() {
        return new MessageFormat(kind.english, Locale.ROOT).format(args.toArray());
    }

    @Override
    public String toString() {
        return english();
    }
}
