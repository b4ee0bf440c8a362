package fr.la27eregion.label.boundary;

import fr.la27eregion.identity.control.Caller;
import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.label.control.ApplicationScope;
import fr.la27eregion.label.control.ApplicationTransitions;
import fr.la27eregion.label.control.AssessmentScoring;
import fr.la27eregion.label.control.AssessmentTransitions;
import fr.la27eregion.label.control.JuryNotices;
import fr.la27eregion.label.control.ReviewerSuggestion;
import fr.la27eregion.label.entity.ApplicationAction;
import fr.la27eregion.label.entity.ApplicationInputs;
import fr.la27eregion.label.entity.ApplicationState;
import fr.la27eregion.label.entity.Assessment;
import fr.la27eregion.label.entity.AssessmentAction;
import fr.la27eregion.label.entity.AssessmentInputs;
import fr.la27eregion.label.entity.AssessmentState;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.label.entity.LabelProgramme;
import fr.la27eregion.label.entity.ReviewRefused;
import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.Transitions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The review of label applications (DESIGN §3): the secretariat assigns reviewers, one by one or in bulk, helped
 * by a suggestion that spreads the load and never proposes a reviewer in conflict of interest (the applicant's
 * people, a member partner's); a reviewer scores against the campaign's frozen grid and submits, or declares a
 * conflict and is recused. The platform moves the application: into review when its programme's number of
 * reviewers is assigned, out of it (reviewed, its weighted total the mean of the assessments') when the last
 * required assessment is in; the campaign's jury chair is told when that leaves the campaign ready for the jury
 * ({@link JuryNotices}).
 *
 * <p><b>Exactly once.</b> Every step that may move the application locks its row first ({@code SELECT ... FOR
 * UPDATE}) and only then counts the assessments: two reviewers submitting at the same moment are served one after
 * the other, and the second counts the first's submission, so the application is reviewed once, by whichever
 * comes last.
 *
 * <p><b>Independence.</b> A reviewer reaches only the applications they are assigned to (not recused): any other
 * answers as an unknown id does ({@link RecordNotFound}, 404), the scope being in the query. Before their own
 * submission they read no other assessment, neither its scores nor its reviewer; after it, the others' submitted
 * ones only where the programme opens them ({@link LabelProgramme#scoresOpenAfterSubmit()}). In a blind programme
 * the application they read ({@link ReviewedApplication}) carries neither the applicant nor the partners. The
 * secretariat and auditors read everything; a campaign's jury chair reads the assessments of its reviewed and
 * decided applications.
 *
 * <p>Every change is version-checked ({@link StaleRecord}, 409) and journaled in its transaction, last: the steps
 * by {@link Transitions} ({@code assessment.assign}, {@code .submit}, {@code .recuse} and the application's
 * {@code label-application.start_review}, {@code .complete_review}), a draft of scores as {@code assessment.save}.
 */
@Stateless
public class Assessments {

    /** The journal's word for a reviewer's draft of scores and comments (not the scores themselves). */
    public static final String SAVE = AssessmentTransitions.NAME + ".save";

    /** At most this many reviewers suggested at once. */
    public static final int MAX_SUGGESTIONS = 50;

    /** At most this many applications in one bulk assignment. */
    public static final int MAX_BULK = 200;

    /** The states in which an application is with its reviewers: assigned, scored, submitted, recused. */
    private static final Set<ApplicationState> WITH_REVIEWERS = Set.of(ApplicationState.SUBMITTED,
            ApplicationState.IN_REVIEW);


    private static final Set<Actor> PLATFORM = Set.of(Actor.SYSTEM);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CallerScope callers;

    @Inject
    private Transitions transitions;

    @Inject
    private AssessmentTransitions assessments;

    @Inject
    private ApplicationTransitions applications;

    @Inject
    private ReviewerSuggestion suggestion;

    @Inject
    private JuryNotices juryNotices;

    @Inject
    private Journal journal;

    @Inject
    private Clock clock;

    // ----- the secretariat -----

    /**
     * The reviewers the secretariat may assign to the application, the least loaded first: never one in conflict
     * of interest, nor one already on it.
     *
     * @throws RecordNotFound no such application
     */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public List<ReviewerSuggestion.Candidate> suggest(long applicationId, int max) {
        return suggestion.suggest(anyApplication(applicationId), Math.min(Math.max(1, max), MAX_SUGGESTIONS));
    }

    /**
     * Assigns a reviewer to a submitted application, due on a day; when the application then has its programme's
     * number of reviewers, it goes into review.
     *
     * @throws RecordNotFound no such application
     * @throws ReviewRefused  not with the reviewers now, not an enabled reviewer, a conflict of interest (its
     *                        reason: the applicant's or a partner's), already assigned, enough reviewers, a due
     *                        date missing or past
     */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public AssessmentView assign(long applicationId, long reviewerAccountId, LocalDate dueOn) {
        LabelApplication application = locked(applicationId);
        Assessment assessment = assign(application, reviewerAccountId, dueOn);
        startReviewWhenAssigned(application);
        return AssessmentView.of(assessment, names(List.of(assessment)).get(reviewerAccountId), false);
    }

    /**
     * Fills the places left on each application from the suggestion, all due on one day; an application not with
     * the reviewers is left as it is, with the rule that refused it; one lacking free reviewers gets those there
     * are and says how many are still missing.
     *
     * @throws ReviewRefused a due date missing or past, or more than {@link #MAX_BULK} applications
     */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public List<BulkAssignment> assignSuggested(Collection<Long> applicationIds, LocalDate dueOn) {
        checkDue(dueOn);
        List<Long> ids = applicationIds == null ? List.of() : applicationIds.stream().distinct().sorted().toList();
        if (ids.size() > MAX_BULK) {
            throw new RuleViolation("applicationIds", "label.review.bulk.tooMany",
                    "At most " + MAX_BULK + " applications at once.", MAX_BULK);
        }
        List<BulkAssignment> outcomes = new ArrayList<>();
        for (long id : ids) {
            LabelApplication application = locked(id);
            if (!WITH_REVIEWERS.contains(application.state())) {
                outcomes.add(new BulkAssignment(id, List.of(), 0, notInReview(application).key()));
                continue;
            }
            int missing = missing(application);
            List<Long> assigned = new ArrayList<>();
            for (ReviewerSuggestion.Candidate candidate : missing <= 0 ? List.<ReviewerSuggestion.Candidate>of()
                    : suggestion.suggest(application, missing)) {
                assign(application, candidate.accountId(), dueOn);
                assigned.add(candidate.accountId());
            }
            startReviewWhenAssigned(application);
            outcomes.add(new BulkAssignment(id, List.copyOf(assigned), Math.max(0, missing - assigned.size()),
                    null));
        }
        return outcomes;
    }

    // ----- the reviewer -----

    /** The caller's assignments (not the recused ones), the soonest due first. */
    @RolesAllowed(Role.REVIEWER_NAME)
    public List<ReviewAssignment> mine() {
        return em.createQuery("SELECT s FROM Assessment s JOIN FETCH s.application WHERE s.reviewerAccountId = :me"
                        + " AND s.state <> :recused ORDER BY s.dueOn, s.id", Assessment.class)
                .setParameter("me", me()).setParameter("recused", AssessmentState.RECUSED).setMaxResults(500)
                .getResultStream().map(s -> new ReviewAssignment(s.id(), s.application().id(),
                        s.application().project().title(), s.application().campaign().code(),
                        s.application().campaign().titleFr(), s.application().campaign().titleEn(),
                        s.application().campaign().programme().blind(), s.state(), s.dueOn().orElse(null),
                        s.version())).toList();
    }

    /**
     * Writes the reviewer's draft: a score per criterion (some may wait) and comments, as they saw their
     * assessment at {@code versionSeen}; the server computes the weighted total once every criterion has a score.
     *
     * @throws RecordNotFound not an assessment of the caller on that application: the same answer as an unknown one
     * @throws StaleRecord    changed since that version
     * @throws ReviewRefused  the application no longer with the reviewers, a criterion not of the grid, a score out
     *                        of range, comments too long
     * @throws fr.la27eregion.label.entity.LabelRefused the assessment is submitted or recused
     */
    @RolesAllowed(Role.REVIEWER_NAME)
    public AssessmentView save(long applicationId, long assessmentId, int versionSeen, Map<Long, Integer> scores,
                               String comments) {
        Assessment assessment = own(applicationId, assessmentId);
        LabelApplication application = assessment.application();
        if (!WITH_REVIEWERS.contains(application.state())) {
            throw notInReview(application);
        }
        fresh(assessment, versionSeen);
        Map<Long, Integer> checked = AssessmentScoring.check(application.campaign().grid(), scores);
        String kept = AssessmentScoring.comments(comments);
        assessment.score(checked, kept, application.campaign().grid().weightedTotal(checked).orElse(null));
        assessment.touch(clock.instant());
        try {
            em.flush();
        } catch (OptimisticLockException changed) {
            throw new StaleRecord("This assessment was changed meanwhile: reload it and try again.");
        }
        Map<String, Object> details = new HashMap<>();
        details.put("application", application.id());
        details.put("scored", checked.size());
        details.put("version", assessment.version());
        journal.append(application.subject(), SAVE, Assessment.JOURNAL_TYPE, String.valueOf(assessment.id()),
                assessment.state().name(), assessment.state().name(), null, details);
        return ownView(assessment);
    }

    /**
     * Submits the reviewer's assessment, as saved at {@code versionSeen}, every criterion scored; when it is the
     * last one required, the application is reviewed (exactly once: see the class).
     *
     * @throws RecordNotFound not an assessment of the caller on that application
     * @throws StaleRecord    changed since that version
     * @throws ReviewRefused  the application no longer with the reviewers, a criterion without its score
     * @throws fr.la27eregion.label.entity.LabelRefused the assessment is already submitted, or recused
     */
    @RolesAllowed(Role.REVIEWER_NAME)
    public AssessmentView submit(long applicationId, long assessmentId, int versionSeen) {
        LabelApplication application = lockedForReviewer(applicationId, assessmentId);
        Assessment assessment = em.find(Assessment.class, assessmentId);
        if (!WITH_REVIEWERS.contains(application.state())) {
            throw notInReview(application);
        }
        fresh(assessment, versionSeen);
        Instant now = clock.instant();
        if (assessment.state() == AssessmentState.ASSIGNED) {
            BigDecimal total = AssessmentScoring.complete(application.campaign().grid(), assessment.scores());
            assessment.score(assessment.scores(), assessment.comments().orElse(null), total);
        }
        transitions.apply(assessments, assessment, versionSeen, AssessmentAction.SUBMIT, callers.caller().actors(),
                new AssessmentInputs(null, now));
        completeReviewWhenAllIn(application, now);
        return ownView(assessment);
    }

    /**
     * Declares a conflict of interest on the caller's assessment, with its reason: the reviewer is recused (they
     * no longer reach the application) and the secretariat is told to assign a replacement; the application waits
     * for one, in the state it is in.
     *
     * @throws RecordNotFound not an assessment of the caller on that application
     * @throws StaleRecord    changed since that version
     * @throws fr.la27eregion.label.entity.LabelRefused no reason, or the assessment is submitted or recused
     * @throws ReviewRefused  the application no longer with the reviewers
     */
    @RolesAllowed(Role.REVIEWER_NAME)
    public AssessmentView recuse(long applicationId, long assessmentId, int versionSeen, String reason) {
        LabelApplication application = lockedForReviewer(applicationId, assessmentId);
        Assessment assessment = em.find(Assessment.class, assessmentId);
        if (!WITH_REVIEWERS.contains(application.state())) {
            throw notInReview(application);
        }
        transitions.apply(assessments, assessment, versionSeen, AssessmentAction.RECUSE, callers.caller().actors(),
                new AssessmentInputs(reason, clock.instant()));
        return ownView(assessment);
    }

    // ----- reading -----

    /**
     * The assessments of an application the caller may read: all of them for the secretariat and auditors, and
     * for the campaign's jury chair once reviewed; for a reviewer, their own, and the others' submitted ones only
     * after submitting theirs where the programme opens them.
     *
     * @throws RecordNotFound no such application, or none the caller reaches: the same answer
     */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME, Role.JURY_NAME, Role.REVIEWER_NAME})
    public List<AssessmentView> ofApplication(long applicationId) {
        Caller caller = callers.caller();
        Optional<Assessment> own = ownOn(applicationId);
        List<Assessment> all;
        if (own.isPresent()) {
            Assessment mine = own.get();
            boolean open = mine.state() == AssessmentState.SUBMITTED
                    && mine.application().campaign().programme().scoresOpenAfterSubmit();
            all = open ? em.createQuery("SELECT s FROM Assessment s WHERE s.application.id = :application"
                            + " AND (s.id = :mine OR s.state = :submitted) ORDER BY s.id", Assessment.class)
                    .setParameter("application", applicationId).setParameter("mine", mine.id())
                    .setParameter("submitted", AssessmentState.SUBMITTED).getResultList() : List.of(mine);
        } else {
            readable(applicationId, caller);
            all = em.createQuery("SELECT s FROM Assessment s WHERE s.application.id = :application ORDER BY s.id",
                    Assessment.class).setParameter("application", applicationId).getResultList();
        }
        Map<Long, String> names = names(all);
        Long me = caller.accountId();
        return all.stream().map(s -> AssessmentView.of(s, names.get(s.reviewerAccountId()),
                s.reviewerAccountId().equals(me))).toList();
    }

    /**
     * The application as the review reads it: without the applicant's identity for a reviewer of a blind
     * programme.
     *
     * @throws RecordNotFound no such application, or none the caller reaches: the same answer
     */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME, Role.JURY_NAME, Role.REVIEWER_NAME})
    public ReviewedApplication application(long applicationId) {
        Optional<Assessment> own = ownOn(applicationId);
        LabelApplication application = own.map(Assessment::application)
                .orElseGet(() -> readable(applicationId, callers.caller()));
        LabelProgramme programme = application.campaign().programme();
        boolean hidden = own.isPresent() && programme.blind();
        List<ReviewedApplication.Criterion> criteria = application.campaign().grid().criteria().stream()
                .map(c -> new ReviewedApplication.Criterion(c.id(), c.code(), c.labelFr(), c.labelEn(),
                        c.guidanceFr(), c.guidanceEn(), c.weight(), c.maxScore())).toList();
        return new ReviewedApplication(application.id(), application.state(), application.campaign().code(),
                programme.code(), programme.nameFr(), programme.nameEn(), programme.blind(), hidden,
                application.project().title(), criteria, application.answers(),
                hidden ? null : application.organisation().name(),
                hidden ? List.of() : application.project().partners().stream().map(Organisation::name).sorted()
                        .toList(),
                own.isPresent() ? null : application.weightedTotal().orElse(null),
                programme.reviewersPerApplication());
    }

    // ----- the rules -----

    private Assessment assign(LabelApplication application, long reviewerAccountId, LocalDate dueOn) {
        if (!WITH_REVIEWERS.contains(application.state())) {
            throw notInReview(application);
        }
        checkDue(dueOn);
        Account reviewer = em.find(Account.class, reviewerAccountId);
        if (reviewer == null || !reviewer.enabled() || !reviewer.roles().contains(Role.REVIEWER)) {
            throw new ReviewRefused(ReviewRefused.Rule.NOT_A_REVIEWER, "reviewerAccountId",
                    "Account " + reviewerAccountId + " is not an enabled reviewer.", reviewerAccountId);
        }
        Long organisation = reviewer.organisationId().orElse(null);
        Optional<ReviewerSuggestion.Conflict> conflict = suggestion.conflict(application, organisation);
        if (conflict.isPresent()) {
            throw new ReviewRefused(ReviewRefused.Rule.CONFLICT_OF_INTEREST, "reviewerAccountId",
                    "Conflict of interest: the reviewer's organisation is "
                            + (conflict.get() == ReviewerSuggestion.Conflict.APPLICANT ? "the applicant"
                            : "a partner of the project") + ".", conflict.get().name());
        }
        if (assessmentsOf(application).stream().anyMatch(s -> s.reviewerAccountId() == reviewerAccountId)) {
            throw new ReviewRefused(ReviewRefused.Rule.ALREADY_ASSIGNED, "reviewerAccountId",
                    "This reviewer is already assigned to this application, or recused from it.");
        }
        if (missing(application) <= 0) {
            int required = application.campaign().programme().reviewersPerApplication();
            throw new ReviewRefused(ReviewRefused.Rule.REVIEWERS_COMPLETE, "reviewerAccountId",
                    "This application has its " + required + " reviewers.", required);
        }
        Assessment assessment = Assessment.assign(application, reviewerAccountId, organisation, dueOn,
                clock.instant());
        transitions.create(assessments, assessment, callers.caller().actors(),
                Map.of("application", application.id(), "reviewer", reviewerAccountId, "dueOn", dueOn.toString()));
        return assessment;
    }

    /** Into review once the programme's number of reviewers is assigned (not recused). */
    private void startReviewWhenAssigned(LabelApplication application) {
        if (application.state() == ApplicationState.SUBMITTED && missing(application) <= 0) {
            transitions.apply(applications, application, null, ApplicationAction.START_REVIEW, PLATFORM,
                    ApplicationInputs.of(null, clock.instant()));
        }
    }

    /**
     * Reviewed once no assigned reviewer is still to submit and the programme's number of assessments is in, the
     * application's total the mean of theirs. The caller holds the application's row lock.
     */
    private void completeReviewWhenAllIn(LabelApplication application, Instant now) {
        if (application.state() != ApplicationState.IN_REVIEW) {
            return;
        }
        List<Assessment> all = assessmentsOf(application);
        List<BigDecimal> totals = all.stream().filter(s -> s.state() == AssessmentState.SUBMITTED)
                .map(s -> s.weightedTotal().orElseThrow()).toList();
        boolean waiting = all.stream().anyMatch(s -> s.state() == AssessmentState.ASSIGNED);
        if (waiting || totals.size() < application.campaign().programme().reviewersPerApplication()) {
            return;
        }
        application.recordWeightedTotal(AssessmentScoring.mean(totals).orElseThrow());
        transitions.apply(applications, application, null, ApplicationAction.COMPLETE_REVIEW, PLATFORM,
                ApplicationInputs.of(null, now));
        juryNotices.tellWhenReady(application.campaign());
    }

    /** How many more reviewers the programme asks for: its number less the assigned and submitted ones. */
    private int missing(LabelApplication application) {
        long active = assessmentsOf(application).stream()
                .filter(s -> s.state() != AssessmentState.RECUSED).count();
        return (int) (application.campaign().programme().reviewersPerApplication() - active);
    }

    private List<Assessment> assessmentsOf(LabelApplication application) {
        return em.createQuery("SELECT s FROM Assessment s WHERE s.application.id = :application ORDER BY s.id",
                Assessment.class).setParameter("application", application.id()).getResultList();
    }

    private void checkDue(LocalDate dueOn) {
        if (dueOn == null || dueOn.isBefore(Clocks.today(clock))) {
            throw new ReviewRefused(ReviewRefused.Rule.DUE_DATE, "dueOn",
                    "A due date is required, today or later.");
        }
    }

    private static ReviewRefused notInReview(LabelApplication application) {
        return new ReviewRefused(ReviewRefused.Rule.NOT_IN_REVIEW, "action", "A label application "
                + application.state() + " is not with the reviewers.", application.state().name());
    }

    // ----- scope -----

    private long me() {
        Long account = callers.caller().accountId();
        // an account-less caller (an OIDC identity without an account) has no assessment: nothing matches -1
        return account == null ? -1L : account;
    }

    /** The caller's own assessment (not recused) on the application, if they are one of its reviewers. */
    private Optional<Assessment> ownOn(long applicationId) {
        if (!callers.caller().hasRole(Role.REVIEWER)) {
            return Optional.empty();
        }
        return em.createQuery("SELECT s FROM Assessment s WHERE s.application.id = :application"
                        + " AND s.reviewerAccountId = :me AND s.state <> :recused", Assessment.class)
                .setParameter("application", applicationId).setParameter("me", me())
                .setParameter("recused", AssessmentState.RECUSED).getResultStream().findFirst();
    }

    /**
     * The caller's assessment, for a change: scoped in the query by the application, the id and the reviewer.
     *
     * @throws RecordNotFound any other: the same answer as an unknown id
     */
    private Assessment own(long applicationId, long assessmentId) {
        return em.createQuery("SELECT s FROM Assessment s WHERE s.id = :id AND s.application.id = :application"
                        + " AND s.reviewerAccountId = :me", Assessment.class)
                .setParameter("id", assessmentId).setParameter("application", applicationId)
                .setParameter("me", me()).getResultStream().findFirst()
                .orElseThrow(() -> notFound(applicationId));
    }

    /**
     * The application of the caller's assessment, its row locked before it is read: the scope is checked by a
     * query that loads nothing, so the application is read once, under the lock, as the last transaction left it.
     */
    private LabelApplication lockedForReviewer(long applicationId, long assessmentId) {
        boolean theirs = !em.createQuery("SELECT s.id FROM Assessment s WHERE s.id = :id"
                        + " AND s.application.id = :application AND s.reviewerAccountId = :me", Long.class)
                .setParameter("id", assessmentId).setParameter("application", applicationId)
                .setParameter("me", me()).getResultList().isEmpty();
        if (!theirs) {
            throw notFound(applicationId);
        }
        return locked(applicationId);
    }

    /** The application, its row locked for the rest of the transaction ({@code SELECT ... FOR UPDATE}). */
    private LabelApplication locked(long applicationId) {
        LabelApplication application = em.find(LabelApplication.class, applicationId,
                LockModeType.PESSIMISTIC_WRITE);
        if (application == null) {
            throw notFound(applicationId);
        }
        return application;
    }

    private LabelApplication anyApplication(long applicationId) {
        LabelApplication application = em.find(LabelApplication.class, applicationId);
        if (application == null) {
            throw notFound(applicationId);
        }
        return application;
    }

    /**
     * An application the caller reads without being one of its reviewers: any for the secretariat and auditors,
     * a reviewed or decided one of their campaign for a jury chair; none for anyone else.
     */
    private LabelApplication readable(long applicationId, Caller caller) {
        if (caller.hasRole(Role.NETWORK_ADMIN) || caller.hasRole(Role.AUDITOR)) {
            return anyApplication(applicationId);
        }
        if (caller.hasRole(Role.JURY)) {
            return em.createQuery("SELECT a FROM LabelApplication a WHERE a.id = :id"
                            + " AND a.campaign.juryChairAccountId = :me AND a.state IN :states", LabelApplication.class)
                    .setParameter("id", applicationId).setParameter("me", me())
                    .setParameter("states", ApplicationScope.FOR_THE_JURY).getResultStream().findFirst()
                    .orElseThrow(() -> notFound(applicationId));
        }
        throw notFound(applicationId);
    }

    private Map<Long, String> names(List<Assessment> all) {
        List<Long> ids = all.stream().map(Assessment::reviewerAccountId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT a FROM Account a WHERE a.id IN :ids", Account.class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(Account::id, Account::displayName, (a, b) -> a, HashMap::new));
    }

    private AssessmentView ownView(Assessment assessment) {
        return AssessmentView.of(assessment, names(List.of(assessment)).get(assessment.reviewerAccountId()), true);
    }

    private static void fresh(Assessment assessment, int versionSeen) {
        if (assessment.version() != versionSeen) {
            throw new StaleRecord("This assessment was changed by someone else (version " + assessment.version()
                    + ", not " + versionSeen + "): reload it and try again.");
        }
    }

    private static RecordNotFound notFound(long applicationId) {
        return new RecordNotFound("There is no label application " + applicationId + " in your review.");
    }
}
