package fr.la27eregion.label.control;

import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.label.entity.ApplicationAction;
import fr.la27eregion.label.entity.ApplicationInputs;
import fr.la27eregion.label.entity.ApplicationState;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.label.entity.LabelRefused;
import fr.la27eregion.platform.workflow.TransitionTable;
import fr.la27eregion.platform.workflow.Workflow;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The workflow of label applications as {@link fr.la27eregion.platform.workflow.Transitions} applies it: its table
 * ({@link ApplicationWorkflow#TABLE}), the journal's words ({@code label-application.submit}, entity type
 * {@code LabelApplication}, the application as subject, so its timeline reads by index), and the feature's work in
 * the step's transaction: the applicant is told of every step but the creation of a draft (its in-app list and a
 * mail to its coordinators, in the outbox, which leaves after commit).
 */
@Dependent
public class ApplicationTransitions
        implements Workflow<LabelApplication, ApplicationState, ApplicationAction, ApplicationInputs> {

    /** The journal's and the metrics' word for applications. */
    public static final String NAME = "label-application";

    @Inject
    private LabelNotices notices;

    @Override
    public TransitionTable<ApplicationState, ApplicationAction> table() {
        return ApplicationWorkflow.TABLE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String entityType() {
        return LabelApplication.JOURNAL_TYPE;
    }

    @Override
    public Subject subject(LabelApplication application) {
        return application.subject();
    }

    @Override
    public Map<String, Object> details(LabelApplication application) {
        return describe(application);
    }

    @Override
    public void inTransaction(LabelApplication application, String act) {
        if (!act.endsWith("." + ApplicationAction.CREATE.name().toLowerCase(Locale.ROOT))) {
            notices.tellApplicant(application, act);
        }
    }

    @Override
    public RuntimeException notFromThisState(ApplicationState state, ApplicationAction action) {
        return LabelRefused.notFromThisState("label application", state, action);
    }

    /** What the journal keeps of an application beside its states. */
    public static Map<String, Object> describe(LabelApplication application) {
        Map<String, Object> details = new HashMap<>();
        details.put("organisation", application.organisation().id());
        details.put("campaign", application.campaign().id());
        details.put("project", application.project().id());
        details.put("version", application.version());
        application.level().ifPresent(level -> details.put("level", level));
        if (!application.mentions().isEmpty()) {
            details.put("mentions", application.mentions());
        }
        return details;
    }
}
