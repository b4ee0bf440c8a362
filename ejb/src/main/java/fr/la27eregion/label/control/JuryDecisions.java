package fr.la27eregion.label.control;

import fr.la27eregion.label.entity.ApplicationAction;
import fr.la27eregion.label.entity.ApplicationInputs;
import fr.la27eregion.label.entity.Label;
import fr.la27eregion.label.entity.LabelAction;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.label.entity.LabelInputs;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.Transitions;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A jury decision in the caller's transaction, once the boundary has checked who decides (the campaign's chair)
 * and locked the application: the application's step ({@code label-application.award} or {@code .reject}, with its
 * motivation, level and mentions, checked by the entity); on an award, the {@link Label} created through the
 * label's workflow, its certificate number and verification code taken last, just before the label's journal entry
 * (the counter's row stays locked until commit, so the shorter the better); and when the application renews a label,
 * the old one marked {@code RENEWED} by the platform, pointing at the new one.
 *
 * <p>The award's day is a parameter: the boundary passes today by the platform's clock; the demo data, the day its
 * past jury met.
 */
@Dependent
public class JuryDecisions {

    /** What the jury decides: an award or a rejection. */
    public static final Set<ApplicationAction> DECISIONS = Set.of(ApplicationAction.AWARD, ApplicationAction.REJECT);

    private static final Set<Actor> PLATFORM = Set.of(Actor.SYSTEM);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Transitions transitions;

    @Inject
    private ApplicationTransitions applications;

    @Inject
    private LabelTransitions labels;

    @Inject
    private CertificateNumbers certificateNumbers;

    @Inject
    private VerificationCodes verificationCodes;

    /** The application decided, and the label an award created (empty for a rejection). */
    public record Decided(LabelApplication application, Optional<Label> label) {
    }

    /**
     * Decides a reviewed application as seen at {@code versionSeen}.
     *
     * @param now       the instant of the decision (the application's {@code decided_at})
     * @param awardedOn the day the label is awarded on (its validity counts from it); its year numbers the
     *                  certificate
     * @throws RuleViolation not a decision (an action other than AWARD or REJECT)
     * @throws fr.la27eregion.platform.rules.StaleRecord the application changed since that version (409)
     * @throws fr.la27eregion.label.entity.LabelRefused not reviewed, no motivation, a level or mention the
     *                                                   programme does not grant
     */
    public Decided decide(LabelApplication application, int versionSeen, ApplicationAction action, String motivation,
                          Integer level, List<String> mentions, Collection<Actor> actors, Instant now,
                          LocalDate awardedOn) {
        if (action == null || !DECISIONS.contains(action)) {
            throw new RuleViolation("action", "label.jury.notADecision", "The jury awards or rejects.");
        }
        // a mention given twice is granted once; an empty one is none
        List<String> granted = mentions == null ? List.of() : mentions.stream().filter(Objects::nonNull)
                .map(String::strip).filter(mention -> !mention.isEmpty()).distinct().toList();
        ApplicationInputs inputs = action == ApplicationAction.AWARD
                ? new ApplicationInputs(motivation, now, level, granted)
                : ApplicationInputs.of(motivation, now);
        transitions.apply(applications, application, versionSeen, action, actors, inputs);
        if (action == ApplicationAction.REJECT) {
            return new Decided(application, Optional.empty());
        }
        Label renewed = application.renewalOfLabelId()
                .map(id -> em.find(Label.class, id, LockModeType.PESSIMISTIC_WRITE)).orElse(null);
        // last before the label's journal entry: the year's counter row stays locked until commit
        Label label = Label.award(application, certificateNumbers.next(awardedOn.getYear()),
                verificationCodes.newCode(), awardedOn, now);
        transitions.create(labels, label, actors, LabelTransitions.describe(label));
        // a label revoked (or already renewed) meanwhile stays as it is: only an active or expired one is renewed
        if (renewed != null && LabelWorkflow.TABLE.find(renewed.state(), LabelAction.RENEW).isPresent()) {
            renewed.renewedBy(label);
            transitions.apply(labels, renewed, null, LabelAction.RENEW, PLATFORM, LabelInputs.NONE);
        }
        return new Decided(application, Optional.of(label));
    }
}
