package fr.la27eregion.label.entity;

import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.platform.database.TextArray;
import fr.la27eregion.platform.workflow.TransitionTable;
import fr.la27eregion.platform.workflow.WorkflowEntity;
import fr.la27eregion.project.entity.Project;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A label awarded (DESIGN §3): a record of its own that outlives its application, with the certificate number
 * people read ({@code L27-2026-0042}), the unguessable code anyone verifies it by, the level and mentions granted,
 * and its validity. Its state moves by {@link #perform} only.
 */
@Entity
@Table(name = "label")
@NamedQuery(name = Label.BY_VERIFICATION_CODE, query = "SELECT l FROM Label l WHERE l.verificationCode = :code")
public class Label extends WorkflowEntity<LabelState, LabelAction, LabelInputs> {

    private static final long serialVersionUID = 1L;

    public static final String BY_VERIFICATION_CODE = "Label.byVerificationCode";
    /** How the journal names labels, as the entity type of their entries and as a subject. */
    public static final String JOURNAL_TYPE = "Label";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", updatable = false)
    private LabelApplication application;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "programme_id", updatable = false)
    private LabelProgramme programme;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "project_id", updatable = false)
    private Project project;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "organisation_id", updatable = false)
    private Organisation organisation;

    @Column(name = "certificate_number", nullable = false, length = 20, updatable = false)
    private String certificateNumber;

    @Column(name = "verification_code", nullable = false, length = 64, updatable = false)
    private String verificationCode;

    @Column(updatable = false)
    private Integer level;

    @Convert(converter = TextArray.class)
    @Column(columnDefinition = "text[]", nullable = false, updatable = false)
    private List<String> mentions = new ArrayList<>();

    @Column(name = "awarded_on", nullable = false, updatable = false)
    private LocalDate awardedOn;

    @Column(name = "valid_until", nullable = false, updatable = false)
    private LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private LabelState state;

    @Column(name = "renewed_by_label_id")
    private Long renewedByLabelId;

    protected Label() {
        // for JPA
    }

    /**
     * The label an awarded application earns, valid for its programme's months from the day of the award.
     *
     * @throws IllegalStateException the application is not awarded
     */
    public static Label award(LabelApplication application, String certificateNumber, String verificationCode,
                              LocalDate awardedOn, Instant now) {
        if (application.state() != ApplicationState.AWARDED) {
            throw new IllegalStateException("Only an awarded application earns a label, not one "
                    + application.state());
        }
        Label label = new Label();
        label.application = application;
        label.programme = application.campaign().programme();
        label.project = application.project();
        label.organisation = application.organisation();
        label.certificateNumber = Objects.requireNonNull(certificateNumber, "certificateNumber");
        label.verificationCode = Objects.requireNonNull(verificationCode, "verificationCode");
        label.level = application.level().orElse(null);
        label.mentions = new ArrayList<>(application.mentions());
        label.awardedOn = awardedOn;
        label.validUntil = awardedOn.plusMonths(label.programme.validityMonths());
        label.state = LabelState.ACTIVE;
        label.created(now);
        return label;
    }

    @Override
    public void perform(TransitionTable.Transition<LabelState, LabelAction> line, LabelInputs inputs) {
        if (line.from() != state) {
            throw LabelRefused.notFromThisState("label", state, line.action());
        }
        keepReason(Reasons.check(line.action(), line.reasonRequired(), inputs == null ? null : inputs.reason()));
        state = line.to();
    }

    /** Notes the label of the renewal that supersedes this one (before its {@code RENEW} step). */
    public void renewedBy(Label renewal) {
        renewedByLabelId = renewal.id();
    }

    /** Whether it is valid on a day: active and not past its validity. */
    public boolean validOn(LocalDate day) {
        return state == LabelState.ACTIVE && !day.isAfter(validUntil);
    }

    /** The journal subject of the label's timeline. */
    public Subject subject() {
        return Subject.of(JOURNAL_TYPE, id());
    }

    @Override
    public LabelState state() {
        return state;
    }

    public LabelApplication application() {
        return application;
    }

    public LabelProgramme programme() {
        return programme;
    }

    public Project project() {
        return project;
    }

    public Organisation organisation() {
        return organisation;
    }

    public String certificateNumber() {
        return certificateNumber;
    }

    public String verificationCode() {
        return verificationCode;
    }

    public Optional<Integer> level() {
        return Optional.ofNullable(level);
    }

    public List<String> mentions() {
        return List.copyOf(mentions);
    }

    public LocalDate awardedOn() {
        return awardedOn;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public Optional<Long> renewedByLabelId() {
        return Optional.ofNullable(renewedByLabelId);
    }
}
