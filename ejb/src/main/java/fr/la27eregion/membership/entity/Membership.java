package fr.la27eregion.membership.entity;

import fr.la27eregion.platform.workflow.TransitionTable.Transition;
import fr.la27eregion.platform.workflow.WorkflowRecord;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The terms on which an organisation belongs to the network for a period, and where that stands in the
 * membership workflow. Only {@link #perform} changes the state, along the line of the workflow's table that
 * {@link fr.la27eregion.platform.workflow.Transitions} found and hands it: the entity applies the line and its own
 * rules on what the actor gave, but never reads the table (it lives in {@code control}, which an entity does not
 * import, Boundary-Control-Entity's direction); so a transition is decided in one place.
 *
 * <p>An organisation has at most one current membership (not {@link #ENDED}); the ended ones are its history. The
 * version guards against lost updates: a transition made on a stale copy is refused.
 */
@Entity
@Table(name = "membership")
@NamedQuery(name = Membership.OF_ORGANISATION,
        query = "SELECT m FROM Membership m WHERE m.organisation.id = :organisation ORDER BY m.appliedAt DESC, m.id DESC")
@NamedQuery(name = Membership.CURRENT_OF_ORGANISATION,
        query = "SELECT m FROM Membership m WHERE m.organisation.id = :organisation AND m.state NOT IN :ended")
@NamedQuery(name = Membership.ACTIVE_ENDING_BEFORE,
        query = "SELECT m.id FROM Membership m WHERE m.state = fr.la27eregion.membership.entity.MembershipState.ACTIVE"
                + " AND m.periodEnd < :date ORDER BY m.id")
@NamedQuery(name = Membership.TO_REMIND,
        query = "SELECT m.id FROM Membership m WHERE m.state = fr.la27eregion.membership.entity.MembershipState.ACTIVE"
                + " AND m.periodEnd >= :today AND m.periodEnd <= :horizon"
                + " AND (m.remindedFor IS NULL OR m.remindedFor <> m.periodEnd) ORDER BY m.id")
public class Membership implements Serializable,
        WorkflowRecord<MembershipState, MembershipAction, MembershipInputs> {

    private static final long serialVersionUID = 1L;

    public static final String OF_ORGANISATION = "Membership.ofOrganisation";
    public static final String CURRENT_OF_ORGANISATION = "Membership.currentOfOrganisation";
    public static final String ACTIVE_ENDING_BEFORE = "Membership.activeEndingBefore";
    public static final String TO_REMIND = "Membership.toRemind";

    /** The states that end a membership: an organisation in one of them may apply again. */
    public static final Set<MembershipState> ENDED =
            EnumSet.of(MembershipState.REJECTED, MembershipState.WITHDRAWN, MembershipState.TERMINATED);

    public static final int MAX_REASON = 2000;
    public static final int MAX_AGREEMENT = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
    private Organisation organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MembershipCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MembershipState state = MembershipState.APPLIED;

    @Column(name = "period_start")
    private LocalDate periodStart;

    @Column(name = "period_end")
    private LocalDate periodEnd;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal fee = BigDecimal.ZERO;

    @Column(name = "agreement_reference", length = MAX_AGREEMENT)
    private String agreementReference;

    @Column(name = "last_reason", length = MAX_REASON)
    private String lastReason;

    @Column(name = "applied_at", nullable = false, updatable = false)
    private Instant appliedAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "reminded_for")
    private LocalDate remindedFor;

    @Version
    private int version;

    protected Membership() {
        // for JPA and the tests of the rules
    }

    /** The application of an organisation for the membership of its kind, at this yearly fee. */
    public static Membership apply(Organisation organisation, BigDecimal fee, Instant now) {
        Membership membership = new Membership();
        membership.organisation = Objects.requireNonNull(organisation, "organisation");
        membership.category = organisation.kind().category();
        membership.fee = fee == null ? BigDecimal.ZERO : fee;
        membership.appliedAt = now;
        membership.changedAt = now;
        return membership;
    }

    public MembershipState state() {
        return state;
    }

    public Long id() {
        return id;
    }

    public Organisation organisation() {
        return organisation;
    }

    public MembershipCategory category() {
        return category;
    }

    public Optional<LocalDate> periodStart() {
        return Optional.ofNullable(periodStart);
    }

    public BigDecimal fee() {
        return fee;
    }

    public Instant appliedAt() {
        return appliedAt;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public int version() {
        return version;
    }

    /** Whether the membership still runs (applied, under review, approved, active, suspended or lapsed). */
    public boolean isCurrent() {
        return !ENDED.contains(state);
    }

    /** Whether the renewal reminder for the current period should go out today. */
    public boolean reminderDue(LocalDate today, int daysBefore) {
        return state == MembershipState.ACTIVE && periodEnd != null && !periodEnd.isBefore(today)
                && !periodEnd.isAfter(today.plusDays(daysBefore)) && !periodEnd.equals(remindedFor);
    }

    /** Notes that the reminder for the current period went out, so it goes out once. */
    public void reminded() {
        remindedFor = periodEnd;
    }

    /** Whether the period ended more than {@code graceDays} ago with no renewal: the timer lapses it. */
    public boolean lapseDue(LocalDate today, int graceDays) {
        return state == MembershipState.ACTIVE && periodEnd != null && periodEnd.plusDays(graceDays).isBefore(today);
    }

    /** When the record last changed state, for the desk. */
    @Override
    public void touch(Instant now) {
        changedAt = now;
    }

    // JavaBeans getters for Facelets expressions
    public Long getId() {
        return id;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public MembershipState getState() {
        return state;
    }

    public MembershipCategory getCategory() {
        return category;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public BigDecimal getFee() {
        return fee;
    }

    public String getAgreementReference() {
        return agreementReference;
    }

    public String getLastReason() {
        return lastReason;
    }

    public Instant getAppliedAt() {
        return appliedAt;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public int getVersion() {
        return version;
    }

    public LocalDate periodEnd() {
        return periodEnd;
    }

    public String agreementReference() {
        return agreementReference;
    }

    public String lastReason() {
        return lastReason;
    }

    /**
     * Makes a transition of the workflow, as the table's line says: checks that a reason is given where the line
     * requires one and that the inputs hold what a record keeps, then moves to the line's state. Renewing extends
     * the period by one year from its end (or from today when it already ended); activating starts a one-year
     * period today.
     *
     * @throws MembershipRefused naming the rule when the line is not from this state or an input is missing
     */
    @Override
    public void perform(Transition<MembershipState, MembershipAction> line, MembershipInputs inputs) {
        Objects.requireNonNull(inputs, "inputs");
        LocalDate today = Objects.requireNonNull(inputs.today(), "today");
        if (line.from() != state) {
            throw MembershipRefused.notFromThisState(state, line.action());
        }
        String motivation = inputs.reason() == null ? null : inputs.reason().strip();
        if (line.reasonRequired() && (motivation == null || motivation.isEmpty())) {
            throw new MembershipRefused(MembershipRefused.Rule.REASON_REQUIRED, line.action() + " needs a reason");
        }
        if (motivation != null && motivation.length() > MAX_REASON) {
            throw new MembershipRefused(MembershipRefused.Rule.REASON_TOO_LONG,
                    "A reason has at most " + MAX_REASON + " characters");
        }
        String agreement = inputs.agreement();
        if (line.needs().contains(MembershipInputs.AGREEMENT)) {
            if (agreement == null || agreement.isBlank()) {
                throw new MembershipRefused(MembershipRefused.Rule.AGREEMENT_REQUIRED,
                        "Activation needs the reference of the signed agreement");
            }
            if (agreement.strip().length() > MAX_AGREEMENT) {
                throw new MembershipRefused(MembershipRefused.Rule.AGREEMENT_TOO_LONG,
                        "An agreement reference has at most " + MAX_AGREEMENT + " characters");
            }
        }
        switch (line.action()) {
            case ACTIVATE -> {
                agreementReference = agreement.strip();
                periodStart = today;
                periodEnd = today.plusYears(1).minusDays(1);
            }
            case RENEW -> {
                LocalDate from = periodEnd == null || periodEnd.isBefore(today) ? today : periodEnd.plusDays(1);
                periodEnd = from.plusYears(1).minusDays(1);
                if (periodStart == null) {
                    periodStart = from;
                }
            }
            default -> {
                // the other actions change the state only
            }
        }
        lastReason = motivation;
        state = line.to();
    }
}
