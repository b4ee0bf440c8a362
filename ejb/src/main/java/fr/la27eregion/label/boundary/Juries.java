package fr.la27eregion.label.boundary;

import fr.la27eregion.identity.control.Caller;
import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.label.control.JuryDecisions;
import fr.la27eregion.label.control.JuryNotices;
import fr.la27eregion.label.control.JuryRankingSql;
import fr.la27eregion.label.entity.ApplicationAction;
import fr.la27eregion.label.entity.ApplicationState;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.label.entity.DecisionTemplate;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.label.entity.LabelProgramme;
import fr.la27eregion.platform.database.Migrations;
import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.StaleRecord;
import fr.la27eregion.platform.time.Clocks;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.eclipse.microprofile.metrics.annotation.Timed;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jury of a label campaign (DESIGN §3): its ranking of the reviewed applications by weighted total, the
 * assessments side by side with the spread between reviewers, and the decisions of its chair (a {@code JURY} account
 * the secretariat designates per campaign): award, with a level and mentions the programme grants, or reject, each
 * with a motivation (a template's text, or written).
 *
 * <p>The ranking is read by the campaign's chair, the secretariat and auditors; another jury account is refused
 * (403). Only the chair decides: the secretariat's roles do not reach {@link #decide} at all. A decision locks the
 * application's row first, so two decisions at once are served in turn and the second finds the version changed
 * (409): one step, one journal entry. The award's work is {@link JuryDecisions}'.
 */
@Stateless
public class Juries {

    private static final Set<ApplicationState> BEFORE_THE_JURY = Set.of(ApplicationState.SUBMITTED,
            ApplicationState.CHANGES_REQUESTED, ApplicationState.IN_REVIEW);

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private CallerScope callers;

    @Inject
    private JuryDecisions decisions;

    @Inject
    private JuryNotices notices;

    @Inject
    private Clock clock;

    /**
     * The campaign's reviewed and decided applications, the best weighted total first, with each submitted
     * assessment's scores per criterion and the spread of the reviewers' totals. Two statements whatever the number
     * of applications ({@link JuryRankingSql}).
     *
     * @throws RecordNotFound no such campaign
     * @throws AccessRefused  a jury account that does not chair it
     */
    @RolesAllowed({Role.JURY_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    @Timed(name = "labels.jury.ranking", absolute = true, description = "Time to read a campaign's jury ranking")
    public JuryRanking ranking(long campaignId) {
        return ranking(campaignId, connection -> {
            List<JuryRankingSql.Row> rows = JuryRankingSql.rank(connection, campaignId);
            return new JuryRankingSql.Page(rows, rows.size(), rows.stream().filter(row -> !row.decided()).count());
        }, 0);
    }

    /**
     * One page of {@link #ranking}: its rows {@code first} to {@code first + size - 1} with their ranks among all,
     * and how many applications the whole ranking has and how many wait for a decision; the page's work follows its
     * size (the jury page shows 50 rows of a campaign that may have hundreds).
     *
     * @throws RecordNotFound no such campaign
     * @throws AccessRefused  a jury account that does not chair it
     */
    @RolesAllowed({Role.JURY_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    @Timed(name = "labels.jury.ranking-page", absolute = true,
            description = "Time to read a page of a campaign's jury ranking")
    public JuryRanking rankingPage(long campaignId, int first, int size) {
        int from = Math.max(0, first);
        return ranking(campaignId, connection -> JuryRankingSql.page(connection, campaignId, from,
                Math.max(1, Math.min(size, LabelApplications.MAX_PAGE))), from);
    }

    /** Reads a ranking's rows over JDBC. */
    @FunctionalInterface
    private interface RowsRead {
        JuryRankingSql.Page read(Connection connection) throws SQLException;
    }

    private JuryRanking ranking(long campaignId, RowsRead read, int first) {
        Campaign campaign = em.find(Campaign.class, campaignId);
        if (campaign == null) {
            throw new RecordNotFound("There is no campaign " + campaignId + ".");
        }
        Caller caller = callers.caller();
        boolean chair = caller.hasRole(Role.JURY) && campaign.chairedBy(caller.accountId());
        if (!chair && !caller.hasRole(Role.NETWORK_ADMIN) && !caller.hasRole(Role.AUDITOR)) {
            throw new AccessRefused("Only the campaign's jury chair, the secretariat and auditors read its ranking.");
        }
        JuryRankingSql.Page rows;
        try (Connection connection = dataSource.getConnection()) {
            rows = read.read(connection);
        } catch (SQLException failed) {
            throw new IllegalStateException("The jury ranking of campaign " + campaignId + " could not be read",
                    failed);
        }
        LabelProgramme programme = campaign.programme();
        List<JuryRanking.Template> templates = em.createNamedQuery(DecisionTemplate.OF_PROGRAMME,
                        DecisionTemplate.class).setParameter("programme", programme.id()).getResultStream()
                .map(t -> new JuryRanking.Template(t.id(), t.kind().name(), t.title(), t.textFr(), t.textEn()))
                .toList();
        List<JuryRanking.Criterion> criteria = campaign.grid().criteria().stream()
                .map(c -> new JuryRanking.Criterion(c.id(), c.code(), c.labelFr(), c.labelEn(), c.weight(),
                        c.maxScore())).toList();
        long waiting = em.createQuery("SELECT COUNT(a) FROM LabelApplication a WHERE a.campaign.id = :campaign"
                        + " AND a.state IN :states", Long.class).setParameter("campaign", campaignId)
                .setParameter("states", BEFORE_THE_JURY).getSingleResult();
        return new JuryRanking(campaign.id(), campaign.code(), campaign.titleFr(), campaign.titleEn(),
                campaign.juryOn().orElse(null), chairName(campaign), chair, programme.nameFr(), programme.nameEn(),
                programme.levels().orElse(null), programme.mentions(), templates, criteria, rows.rows(), waiting,
                notices.told(campaignId), rows.ranked(), rows.undecided(), first);
    }

    /**
     * The campaign's chair decides a reviewed application, as seen at {@code versionSeen}: award (level and
     * mentions among the programme's) or reject, with a motivation. An award creates the label, valid from today
     * by the platform's clock; when the application renews a label, that one becomes {@code RENEWED}.
     *
     * @throws RecordNotFound no such application
     * @throws AccessRefused  the caller does not chair the application's campaign
     * @throws StaleRecord    the application changed since that version (another decision won)
     * @throws fr.la27eregion.platform.rules.RuleViolation not a decision, not reviewed, no motivation, a level or
     *                                                     a mention the programme does not grant (422)
     */
    @RolesAllowed(Role.JURY_NAME)
    public JuryDecisions.Decided decide(long applicationId, int versionSeen, ApplicationAction action,
                                        String motivation, Integer level, List<String> mentions) {
        // locked before it is read: a concurrent decision waits here, then reads the version the first one left
        LabelApplication application = em.find(LabelApplication.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (application == null) {
            throw new RecordNotFound("There is no label application " + applicationId + ".");
        }
        Caller caller = callers.caller();
        if (!application.campaign().chairedBy(caller.accountId())) {
            throw new AccessRefused("Only the chair of the campaign's jury decides its applications.");
        }
        return decisions.decide(application, versionSeen, action, motivation, level, mentions, caller.actors(),
                clock.instant(), Clocks.today(clock));
    }

    /**
     * The campaigns of the caller's juries (for a jury account, those it chairs; for the secretariat and auditors,
     * all), the latest closing first, with where their applications stand.
     */
    @RolesAllowed({Role.JURY_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<JuryCampaign> campaigns() {
        Caller caller = callers.caller();
        boolean all = caller.hasRole(Role.NETWORK_ADMIN) || caller.hasRole(Role.AUDITOR);
        TypedQuery<Campaign> query = em.createQuery("SELECT c FROM Campaign c WHERE "
                + (all ? "1 = 1" : "c.juryChairAccountId = :me") + " ORDER BY c.closesAt DESC, c.id DESC",
                Campaign.class);
        List<Campaign> campaigns = (all ? query : query.setParameter("me", me(caller))).getResultList();
        if (campaigns.isEmpty()) {
            return List.of();
        }
        List<Long> ids = campaigns.stream().map(Campaign::id).toList();
        Map<Long, Map<ApplicationState, Long>> counts = new HashMap<>();
        em.createQuery("SELECT a.campaign.id, a.state, COUNT(a) FROM LabelApplication a WHERE a.campaign.id IN :ids"
                        + " GROUP BY a.campaign.id, a.state", Object[].class).setParameter("ids", ids)
                .getResultStream().forEach(row -> counts.computeIfAbsent((Long) row[0], any -> new HashMap<>())
                        .put((ApplicationState) row[1], (Long) row[2]));
        Set<String> ready = new HashSet<>(em.createQuery("SELECT e.entityId FROM JournalEntry e"
                        + " WHERE e.entityType = :type AND e.action = :act AND e.entityId IN :ids", String.class)
                .setParameter("type", Campaign.JOURNAL_TYPE).setParameter("act", JuryNotices.READY)
                .setParameter("ids", ids.stream().map(String::valueOf).toList()).getResultList());
        Map<Long, String> chairs = new HashMap<>();
        List<Long> chairIds = campaigns.stream().flatMap(c -> c.juryChairAccountId().stream()).distinct().toList();
        if (!chairIds.isEmpty()) {
            em.createQuery("SELECT a FROM Account a WHERE a.id IN :ids", Account.class).setParameter("ids", chairIds)
                    .getResultStream().forEach(account -> chairs.put(account.id(), account.displayName()));
        }
        return campaigns.stream().map(c -> {
            Map<ApplicationState, Long> of = counts.getOrDefault(c.id(), Map.of());
            long waiting = BEFORE_THE_JURY.stream().mapToLong(s -> of.getOrDefault(s, 0L)).sum();
            long decided = of.getOrDefault(ApplicationState.AWARDED, 0L) + of.getOrDefault(ApplicationState.REJECTED,
                    0L);
            return new JuryCampaign(c.id(), c.code(), c.titleFr(), c.titleEn(), c.closesAt(), c.juryOn().orElse(null),
                    c.juryChairAccountId().map(chairs::get).orElse(null), waiting,
                    of.getOrDefault(ApplicationState.REVIEWED, 0L), decided, ready.contains(String.valueOf(c.id())));
        }).toList();
    }

    private String chairName(Campaign campaign) {
        return campaign.juryChairAccountId().map(id -> em.find(Account.class, id)).map(Account::displayName)
                .orElse(null);
    }

    private static long me(Caller caller) {
        // an account-less caller chairs nothing: nothing matches -1
        return caller.accountId() == null ? -1L : caller.accountId();
    }
}
