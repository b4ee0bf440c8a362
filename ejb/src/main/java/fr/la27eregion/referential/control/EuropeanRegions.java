package fr.la27eregion.referential.control;

import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.referential.entity.Territory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Map;
import java.util.TreeMap;

/**
 * Adds European regions to the public referential (DESIGN §3: "European NUTS-2 regions added by the
 * secretariat"). Called in the secretariat's use case that decides it (approving a European region's application),
 * in its transaction, and journaled there as {@code territory.add}: the referential is public, so who added a
 * region, when and for which organisation is on the record.
 */
@Dependent
public class EuropeanRegions {

    /** The journal's entity type of territories. */
    public static final String ENTITY = "Territory";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Journal journal;

    /**
     * The region of this NUTS-2 code in the referential: the one already there, else {@code region}, added now and
     * journaled with {@code subject} (the organisation whose approval adds it) as the record it belongs to.
     */
    public Territory add(Territory region, Subject subject) {
        return em.createNamedQuery(Territory.BY_CODE, Territory.class).setParameter("code", region.code())
                .getResultStream().findFirst().orElseGet(() -> {
                    em.persist(region);
                    Map<String, Object> details = new TreeMap<>();
                    details.put("name", region.name());
                    details.put("country", region.countryCode());
                    details.put("kind", region.kind().name());
                    if (subject != null) {
                        details.put("for", subject.type() + " " + subject.id());
                    }
                    journal.append(subject, "territory.add", ENTITY, region.code(), null, null, null, details);
                    return region;
                });
    }
}
