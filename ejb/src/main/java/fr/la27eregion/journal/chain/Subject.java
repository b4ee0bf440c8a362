package fr.la27eregion.journal.chain;

/**
 * The record a journal entry belongs to, for reading the journal by it: an organisation's timeline is every entry
 * whose subject is that organisation (its memberships' transitions, its profile and contact changes), found by an
 * index rather than by parsing each entry's details.
 *
 * <p>It is stored beside the entry, <em>outside</em> the canonical form ({@link CanonicalEntry}): the hash does not
 * cover it, so entries written before it existed still verify and the canonical form stays version 1. It is an
 * index, not evidence: an auditor checks an entry's content with its hash, and its subject against that content
 * ({@code entity_type}, {@code entity_id}, {@code details}).
 *
 * <p>Here, in the chain's package, because the chain writes it and the chain has no Jakarta EE in it.
 *
 * @param type the kind of record, as the journal names entity types ({@code Organisation})
 * @param id   its id, as text
 */
public record Subject(String type, String id) {

    public Subject {
        if (type == null || type.isBlank() || id == null || id.isBlank()) {
            throw new IllegalArgumentException("A journal subject has a type and an id: " + type + " " + id);
        }
    }

    /** The subject of this type with this number as its id. */
    public static Subject of(String type, long id) {
        return new Subject(type, Long.toString(id));
    }

    /** The type, or null for no subject. */
    static String typeOf(Subject subject) {
        return subject == null ? null : subject.type();
    }

    /** The id, or null for no subject. */
    static String idOf(Subject subject) {
        return subject == null ? null : subject.id();
    }

    @Override
    public String toString() {
        return type + " " + id;
    }
}
