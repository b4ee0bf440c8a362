package fr.la27eregion.journal.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The records an auditor reads a timeline of, and how the journal finds them: by the entry's subject when the
 * record gathers other records' acts (an organisation: its memberships, contacts and projects; an application: its
 * assessments and messages; a label), by the entry's entity when the record is filed under another's subject (a
 * membership and a project are filed under their organisation). Its state at a date is the {@code state_after} of
 * the last entry of {@link #stateEntity} (an organisation's: its membership's), of the states in
 * {@link #states} when the entity has two machines (a project's visibility, not its stage).
 */
public enum RecordKind {

    MEMBERSHIP("Membership", false, "Membership", "membership", Set.of()),
    ORGANISATION("Organisation", true, "Membership", "organisation", Set.of()),
    PROJECT("Project", false, "Project", "project", Set.of("DRAFT", "NETWORK", "PUBLIC")),
    APPLICATION("LabelApplication", true, "LabelApplication", "label_application", Set.of()),
    LABEL("Label", true, "Label", "label", Set.of());

    private final String journalType;
    private final boolean bySubject;
    private final String stateEntity;
    private final String table;
    private final Set<String> states;

    RecordKind(String journalType, boolean bySubject, String stateEntity, String table, Set<String> states) {
        this.journalType = journalType;
        this.bySubject = bySubject;
        this.stateEntity = stateEntity;
        this.table = table;
        this.states = states;
    }

    /** The kind named in a URL ({@code membership}, {@code organisation}, {@code project}, {@code application}, {@code label}). */
    public static Optional<RecordKind> named(String name) {
        return name == null ? Optional.empty() : Arrays.stream(values())
                .filter(kind -> kind.urlName().equals(name.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** Its name in URLs and in the API. */
    public String urlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The entity type (or subject type) the journal names it by. */
    public String journalType() {
        return journalType;
    }

    /** Whether its entries are those of its subject (else those of its entity). */
    public boolean bySubject() {
        return bySubject;
    }

    /** The entity type whose transitions make its state ({@code Membership} for an organisation). */
    public String stateEntity() {
        return stateEntity;
    }

    /** Its table, to tell an unknown record from a record with no entry. */
    String table() {
        return table;
    }

    /** The states of its own machine, when the entity type has more than one machine; empty: every state. */
    Set<String> states() {
        return states;
    }
}
