package fr.la27eregion.label.control;

import fr.la27eregion.label.entity.ApplicationState;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.label.entity.LabelRefused;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.Transitions;
import fr.la27eregion.project.entity.Project;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Starts a label application's draft, for the boundary and the demo data alike: the campaign not closed, no other
 * live application of the project in it (the unique index would refuse it too, as a 500), then the workflow's
 * creation line, journaled. Whose project it may be is the caller's business (the boundary's scope).
 */
@Dependent
public class Drafts {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Transitions transitions;

    @Inject
    private ApplicationTransitions applications;

    @Inject
    private Clock clock;

    /**
     * A new draft for the project in the campaign, as these actors.
     *
     * @throws LabelRefused  the campaign closed
     * @throws RuleViolation the project already has a live application in the campaign
     */
    public LabelApplication start(Campaign campaign, Project project, String createdBy, Collection<Actor> actors) {
        return start(campaign, project, null, Map.of(), createdBy, actors);
    }

    /**
     * A new draft as {@link #start(Campaign, Project, String, Collection)} does, renewing a label and pre-filled
     * with answers by criterion id of the campaign's grid: its creation is journaled with the label it renews and
     * the criteria it was given answers for.
     *
     * @param renewalOf the label the application renews, or null
     * @throws LabelRefused  the campaign closed, or an answer the grid does not take
     * @throws RuleViolation the project already has a live application in the campaign
     */
    public LabelApplication start(Campaign campaign, Project project, Long renewalOf, Map<Long, String> answers,
                                  String createdBy, Collection<Actor> actors) {
        Instant now = clock.instant();
        if (!now.isBefore(campaign.closesAt())) {
            throw new LabelRefused(LabelRefused.Rule.CAMPAIGN_NOT_OPEN, "campaignId", "The campaign "
                    + campaign.code() + " closed on " + campaign.closesAt() + ".", campaign.opensAt().toString(),
                    campaign.closesAt().toString());
        }
        if (live(campaign.id(), project.id())) {
            throw new RuleViolation("projectId", "label.field.alreadyApplied", "This project already has an "
                    + "application in the campaign " + campaign.code() + ".", campaign.code());
        }
        LabelApplication application = LabelApplication.draft(campaign, project, renewalOf, createdBy, now);
        List<Long> answered = application.answer(answers, now);
        Map<String, Object> details = ApplicationTransitions.describe(application);
        if (renewalOf != null) {
            details.put("renewalOf", renewalOf);
        }
        if (!answered.isEmpty()) {
            details.put("criteria", answered.stream().sorted().toList());
        }
        return transitions.create(applications, application, actors, details).record();
    }

    /** Whether the project has an application in the campaign that was not withdrawn. */
    public boolean live(long campaignId, long projectId) {
        return !em.createQuery("SELECT a.id FROM LabelApplication a WHERE a.campaign.id = :campaign"
                        + " AND a.project.id = :project AND a.state <> :withdrawn", Long.class)
                .setParameter("campaign", campaignId).setParameter("project", projectId)
                .setParameter("withdrawn", ApplicationState.WITHDRAWN).setMaxResults(1).getResultList().isEmpty();
    }
}
