package fr.la27eregion.label.control;

import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.label.entity.ApplicationState;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.notification.control.Notifications;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells a campaign's jury chair, once, that the campaign is ready for the jury: no application of it left with the
 * applicant or the reviewers (submitted, changes requested, in review) and at least one reviewed. Called where the
 * review completes an application, in that transaction: a mail to the chair's account address in the outbox (it
 * leaves after commit), and the entry {@code campaign.ready} in the journal, which is both the record an auditor
 * reads and the mark that it was told (the juries page shows the campaign as ready from it).
 *
 * <p><b>Once, even when the last two reviews complete at the same moment.</b> This runs after the application's
 * {@code complete_review} entry was appended, so the transaction holds the journal's chain head (DESIGN §3: every
 * append is serialized through it, until commit): a second completion in the same campaign waits for this one's
 * commit before it reaches here, then counts with this one's application reviewed and finds the mark. Without it,
 * two transactions could each count the other's application as still in review and neither would tell.
 */
@Dependent
public class JuryNotices {

    /** The journal's word, and the mail's key, of a campaign ready for its jury. */
    public static final String READY = "campaign.ready";

    /** The states of an application not yet through the review. */
    static final Set<ApplicationState> BEFORE_THE_JURY = Set.of(ApplicationState.SUBMITTED,
            ApplicationState.CHANGES_REQUESTED, ApplicationState.IN_REVIEW);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Notifications notifications;

    @Inject
    private LabelSettings settings;

    @Inject
    private Journal journal;

    @Inject
    private Clock clock;

    /** Tells the chair when the campaign just became ready and was not told before; does nothing otherwise. */
    public void tellWhenReady(Campaign campaign) {
        Map<ApplicationState, Long> counts = new HashMap<>();
        em.createQuery("SELECT a.state, COUNT(a) FROM LabelApplication a WHERE a.campaign.id = :campaign"
                        + " GROUP BY a.state", Object[].class).setParameter("campaign", campaign.id())
                .getResultStream().forEach(row -> counts.put((ApplicationState) row[0], (Long) row[1]));
        boolean waiting = BEFORE_THE_JURY.stream().anyMatch(counts::containsKey);
        long reviewed = counts.getOrDefault(ApplicationState.REVIEWED, 0L);
        if (waiting || reviewed == 0 || told(campaign.id())) {
            return;
        }
        Account chair = campaign.juryChairAccountId().map(id -> em.find(Account.class, id)).orElse(null);
        if (chair != null && chair.email() != null && !chair.email().isBlank()) {
            notifications.mailOnly(new Notifications.Recipient(chair.email(), chair.language()), READY,
                    List.of(campaign.code(), campaign.titleFr(), String.valueOf(reviewed),
                            settings.juryPage(campaign.id())), clock.instant());
        }
        Map<String, Object> details = new HashMap<>();
        details.put("reviewed", reviewed);
        details.put("chair", campaign.juryChairAccountId().orElse(null));
        details.put("mailed", chair != null && chair.email() != null && !chair.email().isBlank());
        journal.append(Subject.of(Campaign.JOURNAL_TYPE, campaign.id()), READY, Campaign.JOURNAL_TYPE,
                String.valueOf(campaign.id()), null, null, null, details);
    }

    /** Whether the campaign's chair was told it is ready (its journal entry). */
    public boolean told(long campaignId) {
        return !em.createQuery("SELECT e.seq FROM JournalEntry e WHERE e.entityType = :type AND e.entityId = :id"
                        + " AND e.action = :act", Long.class).setParameter("type", Campaign.JOURNAL_TYPE)
                .setParameter("id", String.valueOf(campaignId)).setParameter("act", READY).setMaxResults(1)
                .getResultList().isEmpty();
    }
}
