package fr.la27eregion.platform.web;

import org.primefaces.PrimeFaces;

import java.util.List;

/**
 * A record's page whose workflow steps are each confirmed in a dialog (form {@code action}) that asks for a reason,
 * required where the step needs one: {@link #choose} opens it on a step, {@link #perform} takes the step as of the
 * version shown, says so, reads the record again and tells the dialog to close ({@code args.performed}); a refusal
 * (stale, a reason missing) stays in the dialog, beside the reason or above the form.
 */
public abstract class StepPage extends RecordPage {

    private static final long serialVersionUID = 1L;

    private final String doneKey;
    private List<WorkflowStep> steps = List.of();
    private WorkflowStep chosen;
    private String reason;

    /** @param doneKey the bundle key of the message that says a step was taken ({0}: the step's name) */
    protected StepPage(String doneKey) {
        this.doneKey = doneKey;
    }

    /** Takes the step on the record shown, as of its version shown, with the reason written (null when none). */
    protected abstract void take(WorkflowStep step, String reason);

    /** Chooses the step the dialog confirms. */
    public void choose(WorkflowStep step) {
        chosen = step;
        reason = null;
    }

    /** Takes the chosen step as of the version shown; a refusal (stale, a reason missing) is shown in the dialog. */
    public void perform() {
        try {
            take(chosen, reason);
            RuleMessages.info(doneKey, RuleMessages.label(chosen.key()));
            chosen = null;
            read(id());
            PrimeFaces.current().ajax().addCallbackParam("performed", true);
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> "reason".equals(field) ? "action:reason" : null,
                    "action:actionMessages");
        }
    }

    /** The id of the record shown. */
    protected abstract long id();

    /** Sets the steps the caller may take now (when the record is read). */
    protected void offer(List<WorkflowStep> possible) {
        steps = List.copyOf(possible);
    }

    public List<WorkflowStep> getSteps() {
        return steps;
    }

    public WorkflowStep getChosen() {
        return chosen;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
