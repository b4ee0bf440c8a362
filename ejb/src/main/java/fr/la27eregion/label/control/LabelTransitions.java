package fr.la27eregion.label.control;

import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.label.entity.Label;
import fr.la27eregion.label.entity.LabelAction;
import fr.la27eregion.label.entity.LabelInputs;
import fr.la27eregion.label.entity.LabelRefused;
import fr.la27eregion.label.entity.LabelState;
import fr.la27eregion.platform.workflow.TransitionTable;
import fr.la27eregion.platform.workflow.Workflow;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Map;

/**
 * The workflow of labels as {@link fr.la27eregion.platform.workflow.Transitions} applies it: its table
 * ({@link LabelWorkflow#TABLE}), the journal's words ({@code label.award}, {@code label.suspend}..., entity type
 * {@code Label}, the label as subject, so its timeline reads by index). The jury's award creates a label through
 * {@link fr.la27eregion.platform.workflow.Transitions#create}; the daily job expires it; the secretariat suspends,
 * reinstates or revokes it; the award of a renewal marks it renewed.
 */
@Dependent
public class LabelTransitions implements Workflow<Label, LabelState, LabelAction, LabelInputs> {

    /** The journal's and the metrics' word for labels. */
    public static final String NAME = "label";

    /** The steps told to the holder organisation ({@link #inTransaction}). */
    private static final Set<String> TOLD = Stream.of(LabelAction.EXPIRE, LabelAction.SUSPEND,
            LabelAction.REINSTATE, LabelAction.REVOKE).map(action -> NAME + "." + action.name().toLowerCase(
            Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    @Override
    public TransitionTable<LabelState, LabelAction> table() {
        return LabelWorkflow.TABLE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String entityType() {
        return Label.JOURNAL_TYPE;
    }

    @Override
    public Subject subject(Label label) {
        return label.subject();
    }

    @Override
    public Map<String, Object> details(Label label) {
        return describe(label);
    }

    @Inject
    private HolderNotices notices;

    /**
     * Tells the holder organisation of an expiry, a suspension, a reinstatement or a revocation (with its
     * motivation), in the step's transaction; the award is told with the application's step, a renewal with the
     * award of the renewal application.
     */
    @Override
    public void inTransaction(Label label, String act) {
        if (TOLD.contains(act)) {
            notices.tell(label, act, label.lastReason());
        }
    }

    @Override
    public RuntimeException notFromThisState(LabelState state, LabelAction action) {
        return LabelRefused.notFromThisState("label", state, action);
    }

    /** What the journal keeps of a label beside its states. */
    public static Map<String, Object> describe(Label label) {
        Map<String, Object> details = new HashMap<>();
        details.put("application", label.application().id());
        details.put("organisation", label.organisation().id());
        details.put("project", label.project().id());
        details.put("programme", label.programme().id());
        details.put("certificateNumber", label.certificateNumber());
        details.put("validUntil", label.validUntil().toString());
        details.put("version", label.version());
        label.level().ifPresent(level -> details.put("level", level));
        if (!label.mentions().isEmpty()) {
            details.put("mentions", label.mentions());
        }
        label.renewedByLabelId().ifPresent(renewal -> details.put("renewedBy", renewal));
        return details;
    }
}
