package fr.la27eregion.journal.entity;

import fr.la27eregion.journal.chain.CanonicalEntry;
import fr.la27eregion.journal.chain.ChainedEntry;
import fr.la27eregion.journal.chain.Subject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of the journal: who did what to which record, from which state to which, why, when, and its place in
 * the hash chain. Immutable: no setter, every column neither insertable nor updatable through JPA. Entries are
 * written by {@code Journal} alone, with the chain's own SQL ({@code ChainAppend}), and the database refuses any
 * change or removal; JPA only reads them (a {@code persist} would lack every column but the number, and fail).
 */
@Entity
@Table(name = "journal_entry")
@NamedQuery(name = JournalEntry.HISTORY, query = "SELECT e FROM JournalEntry e "
        + "WHERE e.entityType = :entityType AND e.entityId = :entityId ORDER BY e.seq")
@NamedQuery(name = JournalEntry.OF_SUBJECT, query = "SELECT e FROM JournalEntry e "
        + "WHERE e.subjectType = :subjectType AND e.subjectId = :subjectId AND e.seq < :before ORDER BY e.seq DESC")
public class JournalEntry {

    public static final String HISTORY = "JournalEntry.history";
    /** The entries of a subject numbered before {@code :before}, newest first (index journal_entry_subject_idx). */
    public static final String OF_SUBJECT = "JournalEntry.ofSubject";

    @Id
    @Column(updatable = false)
    private long seq;

    // a Timestamp, kept private: the EclipseLink of Payara 6 maps Instant as a serialized object, and its
    // OffsetDateTime conversion drops the microseconds, which the hash covers
    @Column(name = "recorded_at", insertable = false, updatable = false)
    private Timestamp recordedAt;

    @Column(insertable = false, updatable = false)
    private String actor;

    @Column(name = "actor_roles", insertable = false, updatable = false)
    private String actorRoles;

    @Column(insertable = false, updatable = false)
    private String action;

    @Column(name = "entity_type", insertable = false, updatable = false)
    private String entityType;

    @Column(name = "entity_id", insertable = false, updatable = false)
    private String entityId;

    @Column(name = "state_before", insertable = false, updatable = false)
    private String stateBefore;

    @Column(name = "state_after", insertable = false, updatable = false)
    private String stateAfter;

    @Column(insertable = false, updatable = false)
    private String reason;

    @Column(insertable = false, updatable = false)
    private String details;

    @Column(name = "request_id", insertable = false, updatable = false)
    private String requestId;

    @Column(name = "prev_hash", insertable = false, updatable = false)
    private String prevHash;

    @Column(insertable = false, updatable = false)
    private String hash;

    // beside the hashed fields, not covered by the hash (Subject)
    @Column(name = "subject_type", insertable = false, updatable = false)
    private String subjectType;

    @Column(name = "subject_id", insertable = false, updatable = false)
    private String subjectId;

    protected JournalEntry() {
        // for JPA
    }

    /** The entry the chain has just appended, as its writer gets it back. */
    public JournalEntry(ChainedEntry appended) {
        CanonicalEntry content = appended.content();
        this.seq = content.seq();
        this.recordedAt = Timestamp.from(content.recordedAt());
        this.actor = content.actor();
        this.actorRoles = content.actorRoles();
        this.action = content.action();
        this.entityType = content.entityType();
        this.entityId = content.entityId();
        this.stateBefore = content.stateBefore();
        this.stateAfter = content.stateAfter();
        this.reason = content.reason();
        this.details = content.details();
        this.requestId = content.requestId();
        this.prevHash = appended.prevHash();
        this.hash = appended.hash();
        this.subjectType = appended.subject() == null ? null : appended.subject().type();
        this.subjectId = appended.subject() == null ? null : appended.subject().id();
    }

    public long seq() {
        return seq;
    }

    /** UTC, microseconds. */
    public Instant recordedAt() {
        return recordedAt.toInstant();
    }

    /** The account that acted, {@code anonymous}, or {@code system} for a scheduled job. */
    public String actor() {
        return actor;
    }

    /** The actor's roles, sorted, comma-separated; empty when none. */
    public String actorRoles() {
        return actorRoles;
    }

    public String action() {
        return action;
    }

    public Optional<String> entityType() {
        return Optional.ofNullable(entityType);
    }

    public Optional<String> entityId() {
        return Optional.ofNullable(entityId);
    }

    public Optional<String> stateBefore() {
        return Optional.ofNullable(stateBefore);
    }

    public Optional<String> stateAfter() {
        return Optional.ofNullable(stateAfter);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** A JSON object, as text. */
    public Optional<String> details() {
        return Optional.ofNullable(details);
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }

    /** The record this entry belongs to (stored beside it, not hashed); empty for security and account events. */
    public Optional<Subject> subject() {
        return subjectType == null || subjectId == null ? Optional.empty()
                : Optional.of(new Subject(subjectType, subjectId));
    }
}
