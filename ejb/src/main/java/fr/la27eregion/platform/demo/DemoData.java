package fr.la27eregion.platform.demo;

import fr.la27eregion.platform.database.SchemaMigrated;
import fr.la27eregion.referential.entity.Territory;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.logging.Logger;

/**
 * Loads the demo records once the schema is ready, when the installation asks for them. Each record is added
 * only if absent (by its natural key), in one transaction, so a restart or a second instance adds nothing twice.
 */
@Stateless
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    /** European partner regions of the demo, by NUTS-2 code. */
    static final List<EuropeanRegion> EUROPEAN_REGIONS = List.of(
            new EuropeanRegion("ES51", "ES", "Cataluña / Catalunya"),
            new EuropeanRegion("BE10", "BE", "Région de Bruxelles-Capitale / Brussels Hoofdstedelijk Gewest"),
            new EuropeanRegion("ITC4", "IT", "Lombardia"),
            new EuropeanRegion("FI1B", "FI", "Helsinki-Uusimaa"));

    record EuropeanRegion(String nuts2, String country, String name) {
    }

    @Inject
    @ConfigProperty(name = "platform.demo-data", defaultValue = "false")
    private boolean enabled;

    @PersistenceContext
    private EntityManager em;

    public void load(@Observes SchemaMigrated schema) {
        if (!enabled) {
            return;
        }
        int added = 0;
        for (EuropeanRegion region : EUROPEAN_REGIONS) {
            if (em.createNamedQuery(Territory.BY_CODE, Territory.class).setParameter("code", region.nuts2())
                    .getResultList().isEmpty()) {
                em.persist(Territory.europeanRegion(region.nuts2(), region.country(), region.name()));
                added++;
            }
        }
        int count = added;
        LOG.info(() -> "Demo data: " + count + " European region(s) added (platform.demo-data=true).");
    }
}
