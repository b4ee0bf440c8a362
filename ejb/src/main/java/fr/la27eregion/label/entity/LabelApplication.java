package fr.la27eregion.label.entity;

import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.platform.database.TextArray;
import fr.la27eregion.platform.workflow.TransitionTable;
import fr.la27eregion.platform.workflow.WorkflowEntity;
import fr.la27eregion.project.entity.Project;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An organisation's application for a label (DESIGN §3): one project of its catalogue, in one campaign, its answer
 * to each criterion of the campaign's frozen grid, and where it stands ({@link ApplicationState}). The applicant is
 * the project's lead organisation when the draft was started.
 *
 * <p>Only {@link #perform} changes the state, along the line of the table that
 * {@link fr.la27eregion.platform.workflow.Transitions} found, with the entity's own rules for that line: a
 * submission only while the campaign is open (by the instant the server's clock gave) and with every criterion
 * answered; a decision with its motivation, and a level and mentions the programme grants. Answers change only
 * while the applicant holds the application ({@link ApplicationState#editableByApplicant()}).
 */
@Entity
@Table(name = "label_application")
public class LabelApplication extends WorkflowEntity<ApplicationState, ApplicationAction, ApplicationInputs> {

    private static final long serialVersionUID = 1L;

    /** How the journal names applications, as the entity type of their entries and as a subject. */
    public static final String JOURNAL_TYPE = "LabelApplication";
    /** The longest answer to one criterion. */
    public static final int MAX_ANSWER = 20_000;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "campaign_id", updatable = false)
    private Campaign campaign;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "project_id", updatable = false)
    private Project project;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "organisation_id", updatable = false)
    private Organisation organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ApplicationState state;

    @Column(name = "renewal_of_label_id")
    private Long renewalOfLabelId;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "application_answer", joinColumns = @JoinColumn(name = "application_id"))
    @MapKeyColumn(name = "criterion_id")
    @Column(name = "answer", nullable = false)
    private Map<Long, String> answers = new HashMap<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "created_by", length = 64, updatable = false)
    private String createdBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "weighted_total")
    private BigDecimal weightedTotal;

    private Integer level;

    @Convert(converter = TextArray.class)
    @Column(columnDefinition = "text[]", nullable = false)
    private List<String> mentions = new ArrayList<>();

    @Column(name = "decision_motivation")
    private String decisionMotivation;

    protected LabelApplication() {
        // for JPA
    }

    /**
     * A new draft for the project in the campaign; the applicant is the project's lead organisation.
     *
     * @param renewalOf the label it renews, or null
     */
    public static LabelApplication draft(Campaign campaign, Project project, Long renewalOf, String createdBy,
                                         Instant now) {
        LabelApplication application = new LabelApplication();
        application.campaign = Objects.requireNonNull(campaign, "campaign");
        application.project = Objects.requireNonNull(project, "project");
        application.organisation = project.leadOrganisation();
        application.state = ApplicationState.DRAFT;
        application.renewalOfLabelId = renewalOf;
        application.createdBy = createdBy;
        application.createdAt = now;
        application.updatedAt = now;
        application.created(now);
        return application;
    }

    /**
     * Writes the answers given per criterion id (a blank answer removes one), while the applicant holds the
     * application.
     *
     * @return the ids of the criteria whose answer changed
     * @throws LabelRefused not the applicant's to change now, a criterion not of the campaign's grid, or too long
     */
    public List<Long> answer(Map<Long, String> given, Instant now) {
        if (!state.editableByApplicant()) {
            throw new LabelRefused(LabelRefused.Rule.NOT_EDITABLE, "answers",
                    "An application " + state + " is not changed: its answers are the ones sent.", state.name());
        }
        List<Long> changed = new ArrayList<>();
        for (Map.Entry<Long, String> entry : given.entrySet()) {
            Long criterion = entry.getKey();
            if (criterion == null || campaign.grid().criterion(criterion).isEmpty()) {
                throw new LabelRefused(LabelRefused.Rule.UNKNOWN_CRITERION, "answers",
                        "Criterion " + criterion + " is not one of the campaign's grid.", String.valueOf(criterion));
            }
            String text = entry.getValue() == null ? "" : entry.getValue().strip();
            if (text.length() > MAX_ANSWER) {
                throw new LabelRefused(LabelRefused.Rule.ANSWER_TOO_LONG, "answers[" + criterion + "]",
                        "An answer has at most " + MAX_ANSWER + " characters.", MAX_ANSWER);
            }
            String before = answers.get(criterion);
            if (text.isEmpty()) {
                if (before != null) {
                    answers.remove(criterion);
                    changed.add(criterion);
                }
            } else if (!text.equals(before)) {
                answers.put(criterion, text);
                changed.add(criterion);
            }
        }
        if (!changed.isEmpty()) {
            updatedAt = now;
        }
        return changed;
    }

    /** The codes of the grid's criteria not answered yet, in the grid's order. */
    public List<String> unanswered() {
        return campaign.grid().criteria().stream().filter(c -> !answers.containsKey(c.id()))
                .map(ScoringCriterion::code).toList();
    }

    /**
     * Makes a step as the table's line says, with this workflow's rules for the line.
     *
     * @throws LabelRefused naming the rule: not from this state, reason missing, campaign not open, answers
     *                      missing, a level or mention the programme does not grant
     */
    @Override
    public void perform(TransitionTable.Transition<ApplicationState, ApplicationAction> line,
                        ApplicationInputs inputs) {
        Objects.requireNonNull(inputs, "inputs");
        if (line.from() != state) {
            throw LabelRefused.notFromThisState("label application", state, line.action());
        }
        String reason = Reasons.check(line.action(), line.reasonRequired(), inputs.reason());
        Instant now = Objects.requireNonNull(inputs.now(), "now");
        switch (line.action()) {
            case SUBMIT, RESUBMIT -> {
                if (!campaign.isOpen(now)) {
                    throw new LabelRefused(LabelRefused.Rule.CAMPAIGN_NOT_OPEN, "action",
                            "The campaign " + campaign.code() + " is not open: it takes applications from "
                                    + campaign.opensAt() + " to " + campaign.closesAt() + ".",
                            campaign.opensAt().toString(), campaign.closesAt().toString());
                }
                List<String> missing = unanswered();
                if (!missing.isEmpty()) {
                    throw new LabelRefused(LabelRefused.Rule.ANSWERS_MISSING, "answers",
                            "Every criterion needs an answer; missing: " + String.join(", ", missing),
                            String.join(", ", missing));
                }
                submittedAt = now;
            }
            case COMPLETE_REVIEW -> reviewedAt = now;
            case AWARD -> {
                LabelProgramme programme = campaign.programme();
                if (programme.levels().isPresent() && inputs.level() == null || !programme.allowsLevel(inputs.level())) {
                    throw new LabelRefused(LabelRefused.Rule.LEVEL_OUT_OF_RANGE, "level",
                            "The level is one of the programme's: " + programme.levels().map(l -> "1 to " + l)
                                    .orElse("none"), programme.levels().orElse(0));
                }
                for (String mention : inputs.mentions()) {
                    if (!programme.mentions().contains(mention)) {
                        throw new LabelRefused(LabelRefused.Rule.UNKNOWN_MENTION, "mentions",
                                "The programme grants no mention '" + mention + "'.", mention);
                    }
                }
                level = inputs.level();
                mentions = new ArrayList<>(inputs.mentions());
                decisionMotivation = reason;
                decidedAt = now;
            }
            case REJECT -> {
                decisionMotivation = reason;
                decidedAt = now;
            }
            default -> {
                // the other steps move the state and keep the reason, nothing else
            }
        }
        keepReason(reason);
        state = line.to();
    }

    /** Keeps the weighted total the review computed (the mean of the assessments'), for the jury's ranking. */
    public void recordWeightedTotal(BigDecimal total) {
        weightedTotal = total;
    }

    @Override
    public void touch(Instant now) {
        super.touch(now);
        updatedAt = now;
    }

    /** The journal subject of the application's timeline. */
    public Subject subject() {
        return Subject.of(JOURNAL_TYPE, id());
    }

    @Override
    public ApplicationState state() {
        return state;
    }

    public Campaign campaign() {
        return campaign;
    }

    public Project project() {
        return project;
    }

    public Organisation organisation() {
        return organisation;
    }

    public Optional<Long> renewalOfLabelId() {
        return Optional.ofNullable(renewalOfLabelId);
    }

    /** The answers by criterion id. */
    public Map<Long, String> answers() {
        return Map.copyOf(answers);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Optional<Instant> submittedAt() {
        return Optional.ofNullable(submittedAt);
    }

    public Optional<Instant> reviewedAt() {
        return Optional.ofNullable(reviewedAt);
    }

    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    public Optional<BigDecimal> weightedTotal() {
        return Optional.ofNullable(weightedTotal);
    }

    public Optional<Integer> level() {
        return Optional.ofNullable(level);
    }

    public List<String> mentions() {
        return List.copyOf(mentions);
    }

    public Optional<String> decisionMotivation() {
        return Optional.ofNullable(decisionMotivation);
    }

    // JavaBeans getters for Facelets expressions
    public Long getId() {
        return id();
    }

    public ApplicationState getState() {
        return state;
    }

    public int getVersion() {
        return version();
    }
}
