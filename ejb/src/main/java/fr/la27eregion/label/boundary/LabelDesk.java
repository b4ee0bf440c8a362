package fr.la27eregion.label.boundary;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.label.entity.ApplicationState;
import fr.la27eregion.label.entity.Assessment;
import fr.la27eregion.label.entity.AssessmentState;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.platform.rules.RecordNotFound;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the secretariat's label pages read in one go, beside the use cases of {@link Programmes}, {@link Campaigns}
 * and {@link Assessments}: the accounts it chooses a jury chair or a reviewer from, the campaigns with their
 * applications counted by state, a campaign's applications with the progress of their review, an application's
 * assessments with the reviewer's organisation (as it was when assigned), and which campaigns froze each grid
 * version of a programme. Reading only: every change goes through those boundaries. Each reading is a few grouped
 * queries, never one per row, so a campaign of hundreds of applications reads at once.
 */
@Stateless
@RolesAllowed(Role.NETWORK_ADMIN_NAME)
public class LabelDesk {

    /** At most this many applications of a campaign listed at once. */
    public static final int MAX_APPLICATIONS = 2000;

    /** At most this many accounts offered at once. */
    public static final int MAX_ACCOUNTS = 500;

    /** An account the secretariat may choose: a jury chair, a reviewer with their organisation and open load. */
    public record Person(long id, String username, String displayName, String organisation, long openAssignments)
            implements Serializable {
    }

    /** A campaign as the secretariat's list shows it, with its applications counted by state. */
    public record CampaignSummary(long id, long programmeId, String programmeCode, String programmeNameFr,
                                  String programmeNameEn, String code, String titleFr, String titleEn,
                                  Instant opensAt, Instant closesAt, LocalDate juryOn, String chair,
                                  Map<ApplicationState, Long> applications) implements Serializable {

        /** The title in the reader's language (French unless English). */
        public String title(Locale locale) {
            return english(locale) ? titleEn : titleFr;
        }

        /** The programme's name in the reader's language. */
        public String programmeName(Locale locale) {
            return english(locale) ? programmeNameEn : programmeNameFr;
        }

        /** How many applications are in the state (none: 0). */
        public long count(ApplicationState state) {
            return applications.getOrDefault(state, 0L);
        }

        public long total() {
            return applications.values().stream().mapToLong(Long::longValue).sum();
        }

        private static boolean english(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage());
        }
    }

    /** An application of a campaign with the progress of its review: its reviewers by the state of their work. */
    public record ApplicationProgress(long id, String project, String organisation, ApplicationState state,
                                      Instant submittedAt, int required, long assigned, long submitted,
                                      long recused) implements Serializable {

        /** Whether reviewers may be assigned to it now: submitted, or in review with a place left by a recusal. */
        public boolean assignable() {
            return (state == ApplicationState.SUBMITTED || state == ApplicationState.IN_REVIEW)
                    && assigned + submitted < required;
        }
    }

    /** An assessment as the secretariat follows it: who, of which organisation, where it stands, by when. */
    public record DeskAssessment(long id, long reviewerAccountId, String reviewerName, String organisation,
                                 AssessmentState state, LocalDate dueOn, String conflictReason, Instant assignedAt,
                                 Instant submittedAt) implements Serializable {
    }

    @PersistenceContext
    private EntityManager em;

    /** The enabled accounts holding {@code JURY}, by name: a campaign's chair is one of them. */
    public List<Person> juryMembers() {
        return people(Role.JURY, null, MAX_ACCOUNTS);
    }

    /**
     * The enabled accounts holding {@code REVIEWER} whose name or username contains the text (any, when blank),
     * by name, with their organisation and their open assignments; at most {@code max}.
     */
    public List<Person> reviewers(String text, int max) {
        return people(Role.REVIEWER, text, Math.min(Math.max(1, max), MAX_ACCOUNTS));
    }

    private List<Person> people(Role role, String text, int max) {
        String like = text == null || text.isBlank() ? null
                : "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.id, a.username, a.display_name, o.name,"
                        + " (SELECT count(*) FROM assessment s WHERE s.reviewer_account_id = a.id"
                        + " AND s.state = 'ASSIGNED')"
                        + " FROM account a JOIN account_role r ON r.account_id = a.id AND r.role = ?1"
                        + " LEFT JOIN organisation o ON o.id = a.organisation_id"
                        + " WHERE a.enabled"
                        + (like == null ? " AND ?2 = ?3" : " AND (lower(a.display_name) LIKE ?2 OR a.username LIKE ?3)")
                        + " ORDER BY a.display_name, a.id LIMIT ?4")
                .setParameter(1, role.name()).setParameter(2, like == null ? "" : like)
                .setParameter(3, like == null ? "" : like).setParameter(4, max)
                .getResultList();
        return rows.stream().map(row -> new Person(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                (String) row[3], ((Number) row[4]).longValue())).toList();
    }

    /** Every campaign, the latest opening first, with its programme, chair and applications counted by state. */
    public List<CampaignSummary> campaigns() {
        List<Campaign> campaigns = em.createNamedQuery(Campaign.ALL, Campaign.class).getResultList();
        Map<Long, Map<ApplicationState, Long>> counts = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT a.campaign.id, a.state, COUNT(a) FROM LabelApplication a"
                + " GROUP BY a.campaign.id, a.state", Object[].class).getResultList()) {
            counts.computeIfAbsent((Long) row[0], any -> new EnumMap<>(ApplicationState.class))
                    .put((ApplicationState) row[1], (Long) row[2]);
        }
        Map<Long, String> chairs = names(campaigns.stream().map(c -> c.juryChairAccountId().orElse(null))
                .filter(java.util.Objects::nonNull).distinct().toList());
        return campaigns.stream().map(c -> new CampaignSummary(c.id(), c.programme().id(), c.programme().code(),
                c.programme().nameFr(), c.programme().nameEn(), c.code(), c.titleFr(), c.titleEn(), c.opensAt(),
                c.closesAt(), c.juryOn().orElse(null), c.juryChairAccountId().map(chairs::get).orElse(null),
                Map.copyOf(counts.getOrDefault(c.id(), Map.of())))).toList();
    }

    /**
     * The applications of a campaign, in the order they were started, each with its reviewers counted by
     * the state of their assessment; at most {@value #MAX_APPLICATIONS}.
     *
     * @throws RecordNotFound no such campaign
     */
    public List<ApplicationProgress> applications(long campaignId) {
        Campaign campaign = em.find(Campaign.class, campaignId);
        if (campaign == null) {
            throw new RecordNotFound("There is no campaign " + campaignId + ".");
        }
        Map<Long, Map<AssessmentState, Long>> reviewers = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT s.application.id, s.state, COUNT(s) FROM Assessment s"
                        + " WHERE s.application.campaign.id = :campaign GROUP BY s.application.id, s.state",
                Object[].class).setParameter("campaign", campaignId).getResultList()) {
            reviewers.computeIfAbsent((Long) row[0], any -> new EnumMap<>(AssessmentState.class))
                    .put((AssessmentState) row[1], (Long) row[2]);
        }
        int required = campaign.programme().reviewersPerApplication();
        return em.createQuery("SELECT a.id, a.project.title, a.organisation.name, a.state, a.submittedAt"
                        + " FROM LabelApplication a WHERE a.campaign.id = :campaign"
                        + " ORDER BY a.id", Object[].class)
                .setParameter("campaign", campaignId).setMaxResults(MAX_APPLICATIONS).getResultStream()
                .map(row -> {
                    Map<AssessmentState, Long> of = reviewers.getOrDefault((Long) row[0], Map.of());
                    return new ApplicationProgress((Long) row[0], (String) row[1], (String) row[2],
                            (ApplicationState) row[3], (Instant) row[4], required,
                            of.getOrDefault(AssessmentState.ASSIGNED, 0L),
                            of.getOrDefault(AssessmentState.SUBMITTED, 0L),
                            of.getOrDefault(AssessmentState.RECUSED, 0L));
                }).toList();
    }

    /**
     * An application's assessments, in the order they were assigned, each with its reviewer's name and the
     * organisation the reviewer belonged to when assigned; recused ones with their reason.
     */
    public List<DeskAssessment> assessments(long applicationId) {
        List<Assessment> all = em.createQuery("SELECT s FROM Assessment s WHERE s.application.id = :application"
                + " ORDER BY s.id", Assessment.class).setParameter("application", applicationId).getResultList();
        Map<Long, String> reviewers = names(all.stream().map(Assessment::reviewerAccountId).distinct().toList());
        Map<Long, String> organisations = organisationNames(all.stream()
                .map(s -> s.reviewerOrganisationId().orElse(null)).filter(java.util.Objects::nonNull).distinct()
                .toList());
        return all.stream().map(s -> new DeskAssessment(s.id(), s.reviewerAccountId(),
                reviewers.get(s.reviewerAccountId()), s.reviewerOrganisationId().map(organisations::get).orElse(null),
                s.state(), s.dueOn().orElse(null), s.conflictReason().orElse(null), s.assignedAt(),
                s.submittedAt().orElse(null))).toList();
    }

    /** The names of these organisations, by id (the suggestion names reviewers' organisations by id). */
    public Map<Long, String> organisationNames(Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        em.createQuery("SELECT o.id, o.name FROM Organisation o WHERE o.id IN :ids", Object[].class)
                .setParameter("ids", List.copyOf(ids)).getResultStream()
                .forEach(row -> names.put((Long) row[0], (String) row[1]));
        return names;
    }

    /**
     * Which campaigns froze each version of a programme's grid: grid id → campaign codes, the earliest opening
     * first. A version no campaign uses is absent.
     */
    public Map<Long, List<String>> gridCampaigns(long programmeId) {
        Map<Long, List<String>> campaigns = new LinkedHashMap<>();
        em.createQuery("SELECT c.grid.id, c.code FROM Campaign c WHERE c.programme.id = :programme"
                        + " ORDER BY c.opensAt, c.id", Object[].class).setParameter("programme", programmeId)
                .getResultStream()
                .forEach(row -> campaigns.computeIfAbsent((Long) row[0], any -> new java.util.ArrayList<>())
                        .add((String) row[1]));
        return campaigns;
    }

    /** The display names of these accounts, by id (a bulk assignment names its reviewers by id). */
    public Map<Long, String> accountNames(Collection<Long> ids) {
        return ids == null ? Map.of() : names(List.copyOf(ids));
    }

    private Map<Long, String> names(List<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        em.createQuery("SELECT a.id, a.displayName FROM Account a WHERE a.id IN :ids", Object[].class)
                .setParameter("ids", accountIds).getResultStream()
                .forEach(row -> names.put((Long) row[0], (String) row[1]));
        return names;
    }
}
