package fr.la27eregion.label.entity;

import fr.la27eregion.platform.workflow.TransitionTable;
import fr.la27eregion.platform.workflow.WorkflowEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A reviewer's assessment of one application: assigned by the secretariat, submitted with a score per criterion
 * of the campaign's grid and comments, or recused when the reviewer declares a conflict of interest. The
 * reviewer's organisation is kept as it was when assigned, for the conflict rules. The scoring itself (scores
 * within the grid's maximum, the server's weighted total) is the review's part; this class holds the record and
 * its workflow step.
 */
@Entity
@Table(name = "assessment")
public class Assessment extends WorkflowEntity<AssessmentState, AssessmentAction, AssessmentInputs> {

    private static final long serialVersionUID = 1L;

    /** How the journal names assessments (their entries' subject is the application). */
    public static final String JOURNAL_TYPE = "Assessment";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", updatable = false)
    private LabelApplication application;

    @Column(name = "reviewer_account_id", nullable = false, updatable = false)
    private Long reviewerAccountId;

    @Column(name = "reviewer_organisation_id", updatable = false)
    private Long reviewerOrganisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private AssessmentState state;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @Column(name = "conflict_declared", nullable = false)
    private boolean conflictDeclared;

    @Column(name = "conflict_reason")
    private String conflictReason;

    private String comments;

    @Column(name = "weighted_total")
    private BigDecimal weightedTotal;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "assessment_score", joinColumns = @JoinColumn(name = "assessment_id"))
    @MapKeyColumn(name = "criterion_id")
    @Column(name = "score", nullable = false)
    private Map<Long, Integer> scores = new HashMap<>();

    @Column(name = "assigned_at", nullable = false, updatable = false)
    private Instant assignedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    protected Assessment() {
        // for JPA
    }

    /** A new assignment of a reviewer (of an organisation, or none) to an application, due on a day. */
    public static Assessment assign(LabelApplication application, Long reviewerAccountId,
                                    Long reviewerOrganisationId, LocalDate dueOn, Instant now) {
        Assessment assessment = new Assessment();
        assessment.application = Objects.requireNonNull(application, "application");
        assessment.reviewerAccountId = Objects.requireNonNull(reviewerAccountId, "reviewer");
        assessment.reviewerOrganisationId = reviewerOrganisationId;
        assessment.state = AssessmentState.ASSIGNED;
        assessment.dueOn = dueOn;
        assessment.assignedAt = now;
        assessment.created(now);
        return assessment;
    }

    /**
     * Makes a step as the table's line says: a recusal keeps its reason as the conflict declared; a submission
     * notes when.
     *
     * @throws LabelRefused not from this state, or a recusal without its reason
     */
    @Override
    public void perform(TransitionTable.Transition<AssessmentState, AssessmentAction> line, AssessmentInputs inputs) {
        Objects.requireNonNull(inputs, "inputs");
        if (line.from() != state) {
            throw LabelRefused.notFromThisState("assessment", state, line.action());
        }
        String reason = Reasons.check(line.action(), line.reasonRequired(), inputs.reason());
        if (line.action() == AssessmentAction.RECUSE) {
            conflictDeclared = true;
            conflictReason = reason;
        } else if (line.action() == AssessmentAction.SUBMIT) {
            submittedAt = Objects.requireNonNull(inputs.now(), "now");
        }
        keepReason(reason);
        state = line.to();
    }

    /** Writes the scores by criterion id and the comments, before submission (the review checks them). */
    public void score(Map<Long, Integer> given, String comments, BigDecimal total) {
        if (state != AssessmentState.ASSIGNED) {
            throw LabelRefused.notFromThisState("assessment", state, AssessmentAction.SUBMIT);
        }
        scores.clear();
        scores.putAll(given);
        this.comments = comments;
        this.weightedTotal = total;
    }

    @Override
    public AssessmentState state() {
        return state;
    }

    public LabelApplication application() {
        return application;
    }

    public Long reviewerAccountId() {
        return reviewerAccountId;
    }

    public Optional<Long> reviewerOrganisationId() {
        return Optional.ofNullable(reviewerOrganisationId);
    }

    public Optional<LocalDate> dueOn() {
        return Optional.ofNullable(dueOn);
    }

    public boolean conflictDeclared() {
        return conflictDeclared;
    }

    public Optional<String> conflictReason() {
        return Optional.ofNullable(conflictReason);
    }

    public Optional<String> comments() {
        return Optional.ofNullable(comments);
    }

    public Optional<BigDecimal> weightedTotal() {
        return Optional.ofNullable(weightedTotal);
    }

    public Map<Long, Integer> scores() {
        return Map.copyOf(scores);
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public Optional<Instant> submittedAt() {
        return Optional.ofNullable(submittedAt);
    }
}
