package fr.la27eregion.label.boundary;

import fr.la27eregion.identity.control.Caller;
import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.entity.JournalEntry;
import fr.la27eregion.label.control.ApplicationScope;
import fr.la27eregion.label.control.ApplicationScopes;
import fr.la27eregion.label.control.CertificateContent;
import fr.la27eregion.label.control.CertificatePdf;
import fr.la27eregion.label.control.Drafts;
import fr.la27eregion.label.control.LabelSettings;
import fr.la27eregion.label.control.LabelTransitions;
import fr.la27eregion.label.control.LabelWorkflow;
import fr.la27eregion.label.entity.ApplicationState;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.label.entity.Label;
import fr.la27eregion.label.entity.LabelAction;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.label.entity.LabelInputs;
import fr.la27eregion.label.entity.LabelRefused;
import fr.la27eregion.label.entity.LabelState;
import fr.la27eregion.label.entity.ScoringCriterion;
import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import fr.la27eregion.platform.workflow.Moved;
import fr.la27eregion.platform.workflow.PossibleAction;
import fr.la27eregion.platform.workflow.Transitions;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The life of a label once awarded (DESIGN §3): the holder organisation, the secretariat and auditors read it, its
 * timeline and its certificate; the secretariat suspends, reinstates or revokes it with a motivation; the holder's
 * people start its renewal, an application in an open campaign of the same programme pre-filled from the label's
 * application. The daily job ({@link LabelSchedule}) expires it and reminds the holder to renew.
 *
 * <p>Scope is in every query, as for applications ({@link ApplicationScope}): an organisation reads its own labels,
 * the secretariat and auditors all of them; one out of scope is a 404, as an unknown one. Steps go through
 * {@link Transitions} (role by the table, version, motivation, the holder told, journal last).
 *
 * <p>The certificate is withheld (422) while a label is suspended or once it is revoked: a file that would be shown
 * as proof of a label no longer valid is not handed out, even to the secretariat (the page and the journal keep
 * everything it said). An expired or renewed label's certificate stays downloadable: it prints its own validity,
 * and its QR code leads to the verification page, which says the label's state today.
 */
@Stateless
public class Labels {

    /** At most this many rows in one page of a list. */
    public static final int MAX_PAGE = 200;

    /** The steps the secretariat takes here: the others are the jury's, the platform's and the daily job's. */
    private static final Set<LabelAction> STEPS = Set.of(LabelAction.SUSPEND, LabelAction.REINSTATE,
            LabelAction.REVOKE);

    /** A label whose certificate is handed out: the others are not valid now and may never be again. */
    private static final Set<LabelState> CERTIFIED = Set.of(LabelState.ACTIVE, LabelState.EXPIRED,
            LabelState.RENEWED);

    /** A label that may be renewed: valid, or expired (a renewal may come after the end of validity). */
    private static final Set<LabelState> RENEWABLE = Set.of(LabelState.ACTIVE, LabelState.EXPIRED);

    /** The applications that no longer renew their label: a renewal in any other state is under way or done. */
    private static final Set<ApplicationState> ENDED = Set.of(ApplicationState.WITHDRAWN,
            ApplicationState.REJECTED, ApplicationState.INELIGIBLE);

    /** A label's certificate: its file name and its bytes. */
    public record Certificate(String fileName, byte[] pdf) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ApplicationScopes scopes;

    @Inject
    private CallerScope callers;

    @Inject
    private Transitions transitions;

    @Inject
    private LabelTransitions labels;

    @Inject
    private Drafts drafts;

    @Inject
    private CertificatePdf certificates;

    @Inject
    private LabelSettings settings;

    @Inject
    private Clock clock;

    /**
     * A label in the caller's scope.
     *
     * @throws RecordNotFound no such label, or none this caller may read: the same answer
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public Label find(long id) {
        return find(id, scopes.current());
    }

    private Label find(long id, ApplicationScope scope) {
        return scope.bindOwned(em.createQuery("SELECT l FROM Label l WHERE l.id = :id" + scope.whereOwned("l"),
                        Label.class))
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> new RecordNotFound("There is no label " + id + "."));
    }

    /**
     * One page of the labels in the caller's scope (their organisation's; all for the secretariat and auditors),
     * optionally in one state and of one programme, the last awarded first.
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<Label> list(LabelState state, Long programmeId, int first, int size) {
        return filtered("SELECT l FROM Label l", " ORDER BY l.awardedOn DESC, l.id DESC", Label.class, state,
                programmeId).setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(size, MAX_PAGE)))
                .getResultList();
    }

    /** How many labels {@link #list} pages through (same scope, same conditions). */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public long count(LabelState state, Long programmeId) {
        return filtered("SELECT COUNT(l) FROM Label l", "", Long.class, state, programmeId).getSingleResult();
    }

    private <T> TypedQuery<T> filtered(String select, String order, Class<T> type, LabelState state,
                                       Long programmeId) {
        ApplicationScope scope = scopes.current();
        // a condition only when asked for: PostgreSQL cannot type a null parameter
        TypedQuery<T> query = scope.bindOwned(em.createQuery(select + " WHERE 1 = 1"
                + (state == null ? "" : " AND l.state = :state")
                + (programmeId == null ? "" : " AND l.programme.id = :programme") + scope.whereOwned("l") + order,
                type));
        if (state != null) {
            query.setParameter("state", state);
        }
        if (programmeId != null) {
            query.setParameter("programme", programmeId);
        }
        return query;
    }

    /**
     * Suspends, reinstates or revokes a label as seen at {@code versionSeen}, with the motivation the table asks
     * for (suspension, revocation); the holder organisation is told.
     *
     * @throws RecordNotFound no such label
     * @throws AccessRefused  a step that is not the secretariat's here (expiry, renewal, award)
     * @throws StaleRecord    it changed since the caller saw it
     * @throws LabelRefused   not from this state, the motivation missing or too long
     */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public Moved<Label, LabelState, LabelAction> step(long id, int versionSeen, LabelAction action, String reason) {
        if (action == null) {
            throw new RuleViolation("action", "label.field.required", "A step is required.");
        }
        if (!STEPS.contains(action)) {
            throw new AccessRefused("'" + action + "' is not taken here: the jury, the platform or the daily job "
                    + "takes it.");
        }
        Label label = find(id, scopes.current());
        return transitions.apply(labels, label, versionSeen, action, callers.caller().actors(),
                new LabelInputs(reason));
    }

    /** The steps the caller may take on the label now, each with what it needs. */
    @PermitAll
    public List<PossibleAction<LabelState, LabelAction>> possible(Label label) {
        return LabelWorkflow.TABLE.possible(label.state(), callers.caller().actors()).stream()
                .filter(possible -> STEPS.contains(possible.action())).toList();
    }

    /**
     * The journal entries of a label, oldest first: its award, steps, reminders.
     *
     * @throws RecordNotFound no such label in the caller's scope
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<JournalEntry> history(long id) {
        find(id, scopes.current());
        return em.createNamedQuery(JournalEntry.HISTORY, JournalEntry.class)
                .setParameter("entityType", Label.JOURNAL_TYPE).setParameter("entityId", String.valueOf(id))
                .setMaxResults(500).getResultList();
    }

    /**
     * The certificate of a label as a PDF in French or English, its QR code leading to the public verification page.
     *
     * @throws RecordNotFound no such label in the caller's scope
     * @throws RuleViolation  the label is suspended or revoked: no certificate is handed out
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public Certificate certificate(long id, Locale locale) {
        Label label = find(id, scopes.current());
        if (!CERTIFIED.contains(label.state())) {
            throw new RuleViolation("state", "label.certificate.withheld", "The label " + label.certificateNumber()
                    + " is " + label.state() + ": its certificate is not handed out.", label.state().name());
        }
        Locale printed = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
        CertificateContent content = new CertificateContent(label.certificateNumber(),
                settings.verificationPage(label.verificationCode()), label.organisation().name(),
                label.project().title(), label.programme().name(printed), label.level().orElse(null),
                label.mentions(), label.awardedOn(), label.validUntil());
        return new Certificate(label.certificateNumber() + "-" + printed.getLanguage() + ".pdf",
                certificates.render(content, printed));
    }

    /**
     * Starts the renewal of a label: a draft application of the label's project in an open campaign of the same
     * programme, marked as renewing it, with the answers of the label's application copied onto the campaign's
     * grid by criterion code (a criterion the new grid no longer has is left behind, a new one is left to
     * answer). Journaled as the creation of the application, with the label it renews.
     *
     * @throws RecordNotFound no such label in the caller's scope, or no such campaign
     * @throws AccessRefused  not the holder organisation's people
     * @throws RuleViolation  the programme is not renewable, another programme's campaign, the label not active
     *                        or expired, a renewal already under way, the project now led by another organisation
     * @throws LabelRefused   the campaign is not open
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME})
    public LabelApplication renew(long labelId, long campaignId) {
        Caller caller = callers.caller();
        Label label = find(labelId, scopes.current());
        if (!holder(label)) {
            throw new AccessRefused("Only the holder organisation's people renew its label.");
        }
        // one renewal at a time: two requests at once wait here for each other, the second finds the first's
        em.lock(label, LockModeType.PESSIMISTIC_WRITE);
        Campaign campaign = em.find(Campaign.class, campaignId);
        if (campaign == null) {
            throw new RecordNotFound("There is no campaign " + campaignId + ".");
        }
        refuseRenewal(label, campaign, clock.instant());
        LabelApplication previous = label.application();
        Map<String, Long> byCode = campaign.grid().criteria().stream()
                .collect(Collectors.toMap(ScoringCriterion::code, ScoringCriterion::id));
        Map<Long, String> codes = previous.campaign().grid().criteria().stream()
                .collect(Collectors.toMap(ScoringCriterion::id, ScoringCriterion::code));
        Map<Long, String> answers = new HashMap<>();
        previous.answers().forEach((criterion, text) -> {
            Long now = byCode.get(codes.get(criterion));
            if (now != null) {
                answers.put(now, text);
            }
        });
        return drafts.start(campaign, label.project(), label.id(), answers, caller.username(), caller.actors());
    }

    /**
     * The open campaigns the caller may start the label's renewal in now: none when the caller is not the holder's,
     * or the label may not be renewed; never one in which the project already has a live application (the one that
     * earned the label, when its campaign is still open), where the renewal's draft would be refused.
     */
    @PermitAll
    public List<Campaign> renewalCampaigns(Label label) {
        Instant now = clock.instant();
        if (!holder(label) || !label.programme().renewable() || !RENEWABLE.contains(label.state())
                || renewalUnderWay(label.id())) {
            return List.of();
        }
        Set<Long> applied = Set.copyOf(em.createQuery("SELECT a.campaign.id FROM LabelApplication a"
                        + " WHERE a.project.id = :project AND a.state <> :withdrawn", Long.class)
                .setParameter("project", label.project().id()).setParameter("withdrawn", ApplicationState.WITHDRAWN)
                .getResultList());
        return em.createNamedQuery(Campaign.OPEN, Campaign.class).setParameter("now", now).getResultStream()
                .filter(campaign -> campaign.programme().id().equals(label.programme().id()))
                .filter(campaign -> campaign.isOpen(now))
                .filter(campaign -> !applied.contains(campaign.id())).toList();
    }

    /** The label's renewal application, if one was started (the last one). */
    @PermitAll
    public Optional<Long> renewalApplication(Label label) {
        return em.createQuery("SELECT a.id FROM LabelApplication a WHERE a.renewalOfLabelId = :label"
                        + " ORDER BY a.createdAt DESC, a.id DESC", Long.class).setParameter("label", label.id())
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** The label an application earned, if it was awarded one and the caller reads it. */
    @PermitAll
    public Optional<Long> ofApplication(long applicationId) {
        ApplicationScope scope = scopes.current();
        return scope.bindOwned(em.createQuery("SELECT l.id FROM Label l WHERE l.application.id = :application"
                        + scope.whereOwned("l"), Long.class)).setParameter("application", applicationId)
                .getResultStream().findFirst();
    }

    private void refuseRenewal(Label label, Campaign campaign, Instant now) {
        if (!label.programme().renewable()) {
            throw new RuleViolation("labelId", "label.renewal.notRenewable", "The programme "
                    + label.programme().code() + " does not renew its labels.", label.programme().code());
        }
        if (!RENEWABLE.contains(label.state())) {
            throw new RuleViolation("labelId", "label.renewal.notFromThisState", "A label " + label.state()
                    + " is not renewed.", label.state().name());
        }
        if (!campaign.programme().id().equals(label.programme().id())) {
            throw new RuleViolation("campaignId", "label.renewal.otherProgramme", "The campaign " + campaign.code()
                    + " is not one of the label's programme.", campaign.code());
        }
        if (!campaign.isOpen(now)) {
            throw new LabelRefused(LabelRefused.Rule.CAMPAIGN_NOT_OPEN, "campaignId", "The campaign "
                    + campaign.code() + " is not open: it takes applications from " + campaign.opensAt() + " to "
                    + campaign.closesAt() + ".", campaign.opensAt().toString(), campaign.closesAt().toString());
        }
        if (renewalUnderWay(label.id())) {
            throw new RuleViolation("labelId", "label.renewal.underWay", "The label " + label.certificateNumber()
                    + " already has a renewal under way.", label.certificateNumber());
        }
        if (!label.project().leadOrganisation().id().equals(label.organisation().id())) {
            throw new RuleViolation("labelId", "label.renewal.projectMoved", "The project is now led by another "
                    + "organisation: it applies for a label of its own.");
        }
    }

    /** Whether an application renewing the label is under way or awarded (not withdrawn, rejected, ineligible). */
    private boolean renewalUnderWay(long labelId) {
        return !em.createQuery("SELECT a.id FROM LabelApplication a WHERE a.renewalOfLabelId = :label"
                        + " AND a.state NOT IN :ended", Long.class).setParameter("label", labelId)
                .setParameter("ended", ENDED).setMaxResults(1).getResultList().isEmpty();
    }

    /** Whether the caller is of the holder organisation (a coordinator or a contributor of it). */
    private boolean holder(Label label) {
        Caller caller = callers.caller();
        return (caller.hasRole(Role.CONTRIBUTOR) || caller.hasRole(Role.MEMBER_COORDINATOR))
                && caller.organisation().map(own -> own.equals(label.organisation().id())).orElse(false);
    }
}
