package fr.la27eregion.label.control;

import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.membership.entity.Organisation;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which reviewers may assess an application, and in what order the secretariat is offered them (DESIGN §3): an
 * enabled account holding {@code REVIEWER}, not yet on the application (a recused reviewer is not offered again),
 * and never one whose organisation is the applicant or a member partner of the application's project (the
 * conflict of interest is a filter of the query, so a conflicted reviewer is never proposed, whatever the load).
 * The fewest open assignments (assessments still {@code ASSIGNED}, in every campaign) come first, so the work is
 * spread; then by name, for a stable order.
 *
 * <p>The same conflict rule refuses a manual assignment ({@link #conflict}), with the reason named.
 */
@Dependent
public class ReviewerSuggestion {

    /** One reviewer the secretariat may assign, with their load. */
    public record Candidate(long accountId, String username, String displayName, Long organisationId,
                            long openAssignments) {
    }

    /** Why a reviewer may not assess an application. */
    public enum Conflict {
        /** The reviewer's organisation is the applicant. */
        APPLICANT,
        /** The reviewer's organisation is a partner (a member organisation) of the project. */
        PARTNER
    }

    @PersistenceContext
    private EntityManager em;

    /** At most {@code max} reviewers for the application, the least loaded first. */
    public List<Candidate> suggest(LabelApplication application, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.id, a.username, a.display_name, a.organisation_id,"
                        + " (SELECT count(*) FROM assessment open WHERE open.reviewer_account_id = a.id"
                        + " AND open.state = 'ASSIGNED') AS load"
                        + " FROM account a JOIN account_role r ON r.account_id = a.id AND r.role = 'REVIEWER'"
                        + " WHERE a.enabled"
                        + " AND (a.organisation_id IS NULL OR (a.organisation_id <> ?1 AND NOT EXISTS ("
                        + "  SELECT 1 FROM project_partner p WHERE p.project_id = ?2"
                        + "  AND p.organisation_id = a.organisation_id)))"
                        + " AND NOT EXISTS (SELECT 1 FROM assessment s WHERE s.application_id = ?3"
                        + "  AND s.reviewer_account_id = a.id)"
                        + " ORDER BY load, a.display_name, a.id LIMIT ?4")
                .setParameter(1, application.organisation().id())
                .setParameter(2, application.project().id())
                .setParameter(3, application.id())
                .setParameter(4, Math.max(1, max))
                .getResultList();
        return rows.stream().map(row -> new Candidate(((Number) row[0]).longValue(), (String) row[1],
                (String) row[2], row[3] == null ? null : ((Number) row[3]).longValue(),
                ((Number) row[4]).longValue())).toList();
    }

    /**
     * The conflict of interest of a reviewer of this organisation (none for a reviewer of no organisation): the
     * applicant's own people, or a member partner's of the project.
     */
    public Optional<Conflict> conflict(LabelApplication application, Long reviewerOrganisation) {
        if (reviewerOrganisation == null) {
            return Optional.empty();
        }
        if (reviewerOrganisation.equals(application.organisation().id())) {
            return Optional.of(Conflict.APPLICANT);
        }
        Set<Long> partners = application.project().partners().stream().map(Organisation::id)
                .collect(Collectors.toSet());
        return partners.contains(reviewerOrganisation) ? Optional.of(Conflict.PARTNER) : Optional.empty();
    }
}
