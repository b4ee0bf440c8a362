package fr.la27eregion.project.control;

import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.Transitions;
import fr.la27eregion.project.entity.Project;
import fr.la27eregion.project.entity.ProjectDetails;
import fr.la27eregion.project.entity.ProjectReferences;
import fr.la27eregion.referential.entity.Territory;
import fr.la27eregion.referential.entity.Theme;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * Writing the catalogue: a project recorded or revised from details a person typed, once the boundary decided who
 * may (or the demo data, as the platform). Here the details are checked, the organisations, territories and themes
 * they name are found (an unknown one refused, naming the field), the rich texts sanitised ({@link RichText}), and a
 * new project goes through the creation line of its workflow ({@link Transitions#create}), journaled there.
 */
@Dependent
public class Catalogue {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Transitions transitions;

    @Inject
    private ProjectTransitions workflow;

    @Inject
    private Clock clock;

    /**
     * Records a new project, a draft of the lead organisation, and journals its creation ({@code project.create}).
     *
     * @param actors    who the caller acts as in the workflow's table
     * @param createdBy the account that recorded it, null for the platform
     * @throws RuleViolation naming the field when a detail is wrong or names an unknown record
     */
    public Project add(ProjectDetails details, long leadOrganisationId, Collection<Actor> actors, String createdBy) {
        check(details);
        Organisation lead = em.find(Organisation.class, leadOrganisationId);
        if (lead == null) {
            throw new RuleViolation("leadOrganisationId", "project.rule.unknownOrganisation",
                    "There is no organisation " + leadOrganisationId + ".", leadOrganisationId);
        }
        Project project = Project.create(details, references(details, lead), RichText.of(details.getDescription()),
                RichText.of(details.getLessons()), createdBy, clock.instant());
        transitions.create(workflow, project, actors, ProjectTransitions.describe(project));
        return project;
    }

    /**
     * Changes a project's fields to the details and writes them (the version moves when a field changed).
     *
     * @return the names of the fields that changed, sorted; empty when none did
     * @throws StaleRecord   someone else changed the project meanwhile
     * @throws RuleViolation naming the field when a detail is wrong or names an unknown record
     */
    public SortedSet<String> revise(Project project, ProjectDetails details) {
        check(details);
        SortedSet<String> changed = project.update(details, references(details, project.leadOrganisation()),
                RichText.of(details.getDescription()), RichText.of(details.getLessons()), clock.instant());
        try {
            em.flush();
        } catch (OptimisticLockException meanwhile) {
            throw new StaleRecord("This project was changed by someone else meanwhile: reload it and try again.");
        }
        return changed;
    }

    private static void check(ProjectDetails details) {
        if (details == null) {
            throw new RuleViolation("title", "project.field.required", "The project's details are required.");
        }
        details.check();
    }

    /** The records the details name, each found or refused naming its field. */
    ProjectReferences references(ProjectDetails details, Organisation lead) {
        Set<Long> partnerIds = new LinkedHashSet<>(orEmpty(details.getPartnerOrganisationIds()));
        if (partnerIds.contains(lead.id())) {
            throw new RuleViolation("partnerOrganisationIds", "project.rule.leadIsPartner",
                    "The lead organisation is not one of its own partners.", lead.name());
        }
        Set<Organisation> partners = found("partnerOrganisationIds", "project.rule.unknownOrganisation", partnerIds,
                "SELECT o FROM Organisation o WHERE o.id IN :keys", Organisation.class, Organisation::id);
        Set<Territory> territories = found("territoryCodes", "project.rule.unknownTerritory",
                codes(details.getTerritoryCodes()), "SELECT t FROM Territory t WHERE t.code IN :keys",
                Territory.class, Territory::code);
        Set<Theme> themes = found("themeCodes", "project.rule.unknownTheme", codes(details.getThemeCodes()),
                "SELECT t FROM Theme t WHERE t.code IN :keys", Theme.class, Theme::code);
        return new ProjectReferences(lead, partners, territories, themes);
    }

    private <K, T> Set<T> found(String field, String key, Set<K> keys, String query, Class<T> type,
                                Function<T, K> keyOf) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        List<T> records = em.createQuery(query, type).setParameter("keys", keys).getResultList();
        Set<K> missing = new LinkedHashSet<>(keys);
        records.forEach(record -> missing.remove(keyOf.apply(record)));
        if (!missing.isEmpty()) {
            K first = missing.iterator().next();
            throw new RuleViolation(field, key, "There is no such record: " + first + ".", first);
        }
        return new HashSet<>(records);
    }

    private static Set<String> codes(List<String> codes) {
        Set<String> kept = new LinkedHashSet<>();
        orEmpty(codes).stream().filter(Objects::nonNull).map(String::strip).forEach(kept::add);
        return kept;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
