package fr.la27eregion.platform.demo;

import fr.la27eregion.identity.control.PasswordHashing;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.label.control.ApplicationTransitions;
import fr.la27eregion.label.control.AssessmentScoring;
import fr.la27eregion.label.control.AssessmentTransitions;
import fr.la27eregion.label.control.JuryDecisions;
import fr.la27eregion.label.control.LabelTransitions;
import fr.la27eregion.label.entity.ApplicationAction;
import fr.la27eregion.label.entity.ApplicationInputs;
import fr.la27eregion.label.entity.Assessment;
import fr.la27eregion.label.entity.AssessmentAction;
import fr.la27eregion.label.entity.AssessmentInputs;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.label.entity.DecisionKind;
import fr.la27eregion.label.entity.DecisionTemplate;
import fr.la27eregion.label.entity.Label;
import fr.la27eregion.label.entity.LabelAction;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.label.entity.LabelInputs;
import fr.la27eregion.label.entity.LabelState;
import fr.la27eregion.label.entity.ScoringCriterion;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.Transitions;
import fr.la27eregion.project.entity.Project;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's decided campaigns (issue 11): each past application goes the whole way the platform would have taken it
 * (draft, answers, submission, two reviewers' assessments, review, the jury chair's decision on the jury's day), each
 * step through {@link Transitions} so it has its journal entries, and the awards through {@link JuryDecisions} with
 * the jury's day as the award's. Three years ago: two awards and a rejection; one of those labels has since expired
 * (moved by the platform, {@code label.expire}), the other was renewed last year (its renewal application awarded
 * in last year's campaign: the old label {@code RENEWED}); last year: the renewal, two more awards with levels and
 * mentions, and a rejection. The second reviewer is an expert whose account is kept disabled (the reviews of past
 * years; nobody logs in with it). Each application is found by its campaign and project, so nothing is added twice.
 */
@Dependent
class DemoLabelDecisions {

    /** The disabled account of the second reviewer of the past campaigns. */
    static final String ARCHIVED_EXPERT = "expert-archives";

    private static final Set<Actor> PLATFORM = Set.of(Actor.SYSTEM);
    private static final List<Actor> APPLICANT = List.of(Actor.SYSTEM, Actor.of(Role.MEMBER_COORDINATOR));
    private static final List<Actor> SECRETARIAT = List.of(Actor.SYSTEM, Actor.of(Role.NETWORK_ADMIN));
    private static final List<Actor> REVIEWER = List.of(Actor.SYSTEM, Actor.of(Role.REVIEWER));
    private static final List<Actor> JURY = List.of(Actor.SYSTEM, Actor.of(Role.JURY));

    /**
     * A past application: its project, whether it renews the project's label of the earlier campaign, the
     * decision, the level, the mentions and each reviewer's six scores (out of 5, in the grid's order).
     */
    record Past(String project, boolean renewal, boolean award, Integer level, List<String> mentions, int[] first,
                int[] second) {
    }

    /** Three years ago. */
    static final List<Past> EARLIER = List.of(
            new Past("Maisons de services au public en Bretagne", false, true, 2, List.of(),
                    new int[] {4, 3, 4, 5, 3, 3}, new int[] {5, 3, 4, 4, 4, 2}),
            new Past("Cantines bio et locales dans les lycées bretons", false, true, 3, List.of("Coup de cœur du jury"),
                    new int[] {5, 4, 5, 4, 4, 4}, new int[] {5, 5, 4, 5, 4, 3}),
            new Past("Design des politiques de l'emploi", false, false, null, List.of(),
                    new int[] {3, 2, 2, 3, 1, 2}, new int[] {2, 2, 3, 2, 1, 1}));

    /** Last year: the renewal of the canteens' label, and three new applications. */
    static final List<Past> LAST = List.of(
            new Past("Cantines bio et locales dans les lycées bretons", true, true, 3, List.of("Communs numériques"),
                    new int[] {5, 4, 5, 5, 5, 4}, new int[] {5, 4, 4, 5, 5, 5}),
            new Past("Tiers-lieux numériques en centre-bourg", false, true, 2,
                    List.of("Coopération européenne", "Communs numériques"),
                    new int[] {4, 5, 4, 4, 3, 5}, new int[] {4, 4, 3, 5, 4, 4}),
            new Past("Budget participatif régional des jeunes", false, true, 1, List.of(),
                    new int[] {4, 2, 3, 3, 3, 2}, new int[] {3, 3, 3, 4, 2, 3}),
            new Past("Mobilité solidaire en milieu rural", false, false, null, List.of(),
                    new int[] {2, 1, 3, 2, 2, 1}, new int[] {3, 1, 2, 2, 1, 2}));

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Transitions transitions;

    @Inject
    private ApplicationTransitions applications;

    @Inject
    private AssessmentTransitions assessments;

    @Inject
    private LabelTransitions labels;

    @Inject
    private JuryDecisions decisions;

    @Inject
    private PasswordHashing passwords;

    @Inject
    private Journal journal;

    @Inject
    private Clock clock;

    /**
     * Decides the two past campaigns' applications and expires what is past its validity; how many applications it
     * added (each with its two assessments and, when awarded, its label; an expiry changes a label, adds none).
     */
    int addDecisions(Campaign earlier, Campaign last) {
        List<Long> reviewers = reviewers();
        if (reviewers.size() < 2) {
            return 0;
        }
        int added = 0;
        for (Past past : EARLIER) {
            added += decide(earlier, past, null, reviewers);
        }
        for (Past past : LAST) {
            Long renewed = past.renewal() ? label(earlier, past.project()) : null;
            added += decide(last, past, renewed, reviewers);
        }
        expire(earlier.programme().id());
        return added;
    }

    /** The demo reviewer and the archived expert (created disabled when missing). */
    private List<Long> reviewers() {
        List<Long> ids = new ArrayList<>();
        account("reviewer").ifPresent(ids::add);
        Long expert = account(ARCHIVED_EXPERT).orElseGet(() -> {
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            Account account = Account.create(ARCHIVED_EXPERT, "Expert des campagnes passées (démo, désactivé)",
                    ARCHIVED_EXPERT + "@demo.27eregion.invalid",
                    "Ar-" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret), Set.of(Role.REVIEWER),
                    null, passwords::hash, clock.instant());
            account.disable();
            em.persist(account);
            em.flush();
            journal.append("account.create", "Account", ARCHIVED_EXPERT, null, "DISABLED", null,
                    Map.of("roles", List.of(Role.REVIEWER.name()), "demo", true));
            return account.id();
        });
        ids.add(expert);
        return ids;
    }

    private java.util.Optional<Long> account(String username) {
        return em.createNamedQuery(Account.BY_USERNAME, Account.class).setParameter("username", username)
                .getResultStream().findFirst().map(Account::id);
    }

    /** Takes one past application from its draft to the jury's decision; 0 when it is there already. */
    private int decide(Campaign campaign, Past past, Long renewalOf, List<Long> reviewers) {
        Project project = em.createQuery("SELECT p FROM Project p WHERE p.title = :title", Project.class)
                .setParameter("title", past.project()).getResultStream().findFirst().orElse(null);
        if (project == null || application(campaign, project.id()) != null || campaign.juryOn().isEmpty()) {
            return 0;
        }
        Instant submitted = campaign.opensAt().plus(20, ChronoUnit.DAYS);
        Instant assignedAt = campaign.closesAt().plus(2, ChronoUnit.DAYS);
        Instant reviewed = campaign.closesAt().plus(30, ChronoUnit.DAYS);
        LocalDate juryOn = campaign.juryOn().get();
        Instant decided = juryOn.atTime(LocalTime.of(17, 0)).atZone(Clocks.FRANCE).toInstant();

        LabelApplication application = LabelApplication.draft(campaign, project, renewalOf, "coordinator", submitted);
        transitions.create(applications, application, APPLICANT, ApplicationTransitions.describe(application));
        Map<Long, String> answers = new HashMap<>();
        for (ScoringCriterion criterion : campaign.grid().criteria()) {
            answers.put(criterion.id(), DemoLabels.answer(project, criterion));
        }
        application.answer(answers, submitted);
        transitions.apply(applications, application, null, ApplicationAction.SUBMIT, APPLICANT,
                ApplicationInputs.of(null, submitted));

        List<BigDecimal> totals = new ArrayList<>();
        List<Assessment> panel = new ArrayList<>();
        for (Long reviewer : reviewers.subList(0, 2)) {
            Assessment assessment = Assessment.assign(application, reviewer, null,
                    LocalDate.ofInstant(reviewed, Clocks.FRANCE), assignedAt);
            transitions.create(assessments, assessment, SECRETARIAT, Map.of("application", application.id(),
                    "reviewer", reviewer, "demo", true));
            panel.add(assessment);
        }
        transitions.apply(applications, application, null, ApplicationAction.START_REVIEW, PLATFORM,
                ApplicationInputs.of(null, assignedAt));
        for (int i = 0; i < panel.size(); i++) {
            Assessment assessment = panel.get(i);
            int[] given = i == 0 ? past.first() : past.second();
            Map<Long, Integer> scores = new HashMap<>();
            List<ScoringCriterion> criteria = campaign.grid().criteria();
            for (int c = 0; c < criteria.size(); c++) {
                scores.put(criteria.get(c).id(), given[c % given.length]);
            }
            BigDecimal total = AssessmentScoring.complete(campaign.grid(), scores);
            assessment.score(scores, i == 0 ? "Un projet solide, bien documenté." : "Des effets mesurés, une équipe"
                    + " attentive aux usagers.", total);
            transitions.apply(assessments, assessment, null, AssessmentAction.SUBMIT, REVIEWER,
                    new AssessmentInputs(null, reviewed));
            totals.add(total);
        }
        application.recordWeightedTotal(AssessmentScoring.mean(totals).orElseThrow());
        transitions.apply(applications, application, null, ApplicationAction.COMPLETE_REVIEW, PLATFORM,
                ApplicationInputs.of(null, reviewed));

        decisions.decide(application, application.version(),
                past.award() ? ApplicationAction.AWARD : ApplicationAction.REJECT,
                motivation(campaign, past.award() ? DecisionKind.AWARD : DecisionKind.REJECT), past.level(),
                past.mentions(), JURY, decided, juryOn);
        return 1;
    }

    private LabelApplication application(Campaign campaign, long projectId) {
        return em.createQuery("SELECT a FROM LabelApplication a WHERE a.campaign.id = :campaign"
                        + " AND a.project.id = :project", LabelApplication.class)
                .setParameter("campaign", campaign.id()).setParameter("project", projectId).getResultStream()
                .findFirst().orElse(null);
    }

    /** The label a campaign's application of a project earned, by the project's title. */
    private Long label(Campaign campaign, String project) {
        return em.createQuery("SELECT l.id FROM Label l WHERE l.application.campaign.id = :campaign"
                        + " AND l.project.title = :title", Long.class).setParameter("campaign", campaign.id())
                .setParameter("title", project).getResultStream().findFirst().orElse(null);
    }

    /** The motivation of the programme's first template of a kind. */
    private String motivation(Campaign campaign, DecisionKind kind) {
        return em.createNamedQuery(DecisionTemplate.OF_PROGRAMME, DecisionTemplate.class)
                .setParameter("programme", campaign.programme().id()).getResultStream()
                .filter(template -> template.kind() == kind).findFirst().map(DecisionTemplate::textFr)
                .orElse(kind == DecisionKind.AWARD ? "Label attribué." : "Label non attribué.");
    }

    /** Expires the demo's active labels past their validity, as the daily job does. */
    private void expire(long programmeId) {
        LocalDate today = Clocks.today(clock);
        for (Label label : em.createQuery("SELECT l FROM Label l WHERE l.programme.id = :programme"
                        + " AND l.state = :active AND l.validUntil < :today", Label.class)
                .setParameter("programme", programmeId).setParameter("active", LabelState.ACTIVE)
                .setParameter("today", today).getResultList()) {
            transitions.apply(labels, label, null, LabelAction.EXPIRE, PLATFORM, LabelInputs.NONE);
        }
    }
}
