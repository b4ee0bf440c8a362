package fr.la27eregion.label.boundary;

import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.label.entity.CampaignDetails;
import fr.la27eregion.label.entity.LabelProgramme;
import fr.la27eregion.label.entity.ScoringGrid;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Campaigns (calls for applications), run by the secretariat: created for a programme, freezing its latest grid
 * version; their titles, dates and jury chair revised at the version seen. A campaign is open from its opening to
 * its closing by the server's clock ({@link #open()}: what the public side lists). Signed-in people of the network
 * read every campaign; anyone reads the open ones. Changes are journaled last, with the campaign as subject.
 */
@Stateless
public class Campaigns {

    public static final String CREATE = "campaign.create";
    public static final String UPDATE = "campaign.update";

    /** The roles that read every campaign, open or not. */
    private static final Set<Role> READERS = EnumSet.of(Role.NETWORK_ADMIN, Role.AUDITOR, Role.MEMBER_COORDINATOR,
            Role.CONTRIBUTOR, Role.REVIEWER, Role.JURY);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Journal journal;

    @Inject
    private Programmes programmes;

    @Inject
    private CallerScope callers;

    @Inject
    private Clock clock;

    /**
     * Creates a campaign of the details' programme, freezing the programme's latest grid version.
     *
     * @throws RuleViolation naming the field: a wrong detail, an unknown programme, a code taken, a chair who is
     *                       not a jury member
     */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public Campaign create(CampaignDetails details) {
        if (details == null) {
            throw new RuleViolation("code", "label.field.required", "A campaign's details are required.");
        }
        details.check();
        if (details.getProgrammeId() == null) {
            throw new RuleViolation("programmeId", "label.field.required", "programmeId is required.");
        }
        LabelProgramme programme = em.find(LabelProgramme.class, details.getProgrammeId());
        if (programme == null) {
            throw new RuleViolation("programmeId", "label.field.unknown", "There is no label programme "
                    + details.getProgrammeId() + ".", details.getProgrammeId());
        }
        if (!em.createNamedQuery(Campaign.BY_CODE, Campaign.class).setParameter("code", details.getCode().strip())
                .getResultList().isEmpty()) {
            throw new RuleViolation("code", "label.field.codeTaken", "The code " + details.getCode().strip()
                    + " is taken.", details.getCode().strip());
        }
        checkChair(details.getJuryChairAccountId());
        ScoringGrid grid = programmes.latestGrid(programme.id());
        Campaign campaign = Campaign.create(programme, grid, details, clock.instant());
        em.persist(campaign);
        em.flush();
        journal.append(Subject.of(Campaign.JOURNAL_TYPE, campaign.id()), CREATE, Campaign.JOURNAL_TYPE,
                String.valueOf(campaign.id()), null, null, null, describe(campaign));
        return campaign;
    }

    /**
     * Revises a campaign's titles, dates and chair as seen at {@code versionSeen}; its programme, code and grid
     * stay.
     *
     * @throws RecordNotFound no such campaign
     * @throws StaleRecord    it changed since the caller saw it
     * @throws RuleViolation  naming the field
     */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public Campaign revise(long id, int versionSeen, CampaignDetails details) {
        Campaign campaign = em.find(Campaign.class, id);
        if (campaign == null) {
            throw notFound(id);
        }
        if (campaign.version() != versionSeen) {
            throw new StaleRecord("This campaign was changed by someone else (version " + campaign.version()
                    + ", not " + versionSeen + "): reload it and try again.");
        }
        if (details == null) {
            throw new RuleViolation("code", "label.field.required", "A campaign's details are required.");
        }
        details.setCode(campaign.code());
        details.check();
        checkChair(details.getJuryChairAccountId());
        campaign.revise(details, clock.instant());
        em.flush();
        journal.append(Subject.of(Campaign.JOURNAL_TYPE, id), UPDATE, Campaign.JOURNAL_TYPE, String.valueOf(id), null,
                null, null, describe(campaign));
        return campaign;
    }

    /** Every campaign, the latest opening first. */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME,
            Role.REVIEWER_NAME, Role.JURY_NAME})
    public List<Campaign> all() {
        return em.createNamedQuery(Campaign.ALL, Campaign.class).getResultList();
    }

    /** The campaigns open now by the server's clock, the soonest closing first: the public side lists them. */
    @PermitAll
    public List<Campaign> open() {
        return em.createNamedQuery(Campaign.OPEN, Campaign.class).setParameter("now", clock.instant())
                .getResultList();
    }

    /**
     * A campaign: any for the network's signed-in people, an open one for anyone.
     *
     * @throws RecordNotFound no such campaign, or not open and the caller is not of the network
     */
    @PermitAll
    public Campaign find(long id) {
        Campaign campaign = em.find(Campaign.class, id);
        if (campaign == null) {
            throw notFound(id);
        }
        if (!campaign.isOpen(clock.instant()) && !readsAll()) {
            throw notFound(id);
        }
        return campaign;
    }

    private boolean readsAll() {
        return callers.caller().roles().stream().anyMatch(READERS::contains);
    }

    private void checkChair(Long accountId) {
        if (accountId == null) {
            return;
        }
        Account chair = em.find(Account.class, accountId);
        if (chair == null || !chair.roles().contains(Role.JURY)) {
            throw new RuleViolation("juryChairAccountId", "label.field.chair",
                    "The jury chair is an account with the JURY role.");
        }
    }

    private static Map<String, Object> describe(Campaign campaign) {
        Map<String, Object> details = new HashMap<>();
        details.put("programme", campaign.programme().id());
        details.put("code", campaign.code());
        details.put("grid", campaign.grid().id());
        details.put("gridVersion", campaign.grid().gridVersion());
        details.put("opensAt", campaign.opensAt().toString());
        details.put("closesAt", campaign.closesAt().toString());
        campaign.juryOn().ifPresent(day -> details.put("juryOn", day.toString()));
        campaign.juryChairAccountId().ifPresent(chair -> details.put("juryChair", chair));
        details.put("version", campaign.version());
        return details;
    }

    private static RecordNotFound notFound(long id) {
        return new RecordNotFound("There is no campaign " + id + ".");
    }
}
