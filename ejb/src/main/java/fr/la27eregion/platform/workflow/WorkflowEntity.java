package fr.la27eregion.platform.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;

/**
 * The columns every record with a workflow keeps for {@link Transitions}, whatever its feature (a project, a label
 * application, an assessment, a label): its generated id, its {@code @Version} (a step is taken as of the version
 * the actor saw), when it last changed state and the motivation its last step kept. Each feature's entity adds its
 * state, its own facts and the rules of its inputs.
 *
 * @param <S> its states
 * @param <A> its actions
 * @param <I> what an actor gives with an action
 */
@MappedSuperclass
public abstract class WorkflowEntity<S extends Enum<S>, A extends Enum<A>, I>
        implements WorkflowRecord<S, A, I>, Serializable {

    private static final long serialVersionUID = 1L;

    /** The longest motivation a step keeps (the {@code last_reason} columns). */
    public static final int MAX_REASON = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "last_reason", length = MAX_REASON)
    private String lastReason;

    @Version
    private int version;

    /** Notes when the record was made: it has not changed state since. */
    protected void created(Instant now) {
        changedAt = now;
    }

    /** Keeps the motivation of the step being taken (null when it has none). */
    protected void keepReason(String reason) {
        lastReason = reason;
    }

    @Override
    public void touch(Instant now) {
        changedAt = now;
    }

    @Override
    public Long id() {
        return id;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public String lastReason() {
        return lastReason;
    }

    /** When it last changed state (its creation until its first step). */
    public Instant changedAt() {
        return changedAt;
    }
}
