package fr.la27eregion.referential.boundary;

import fr.la27eregion.referential.entity.Territory;
import fr.la27eregion.referential.entity.TerritoryKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** The territories of the network, as published: open to everyone. */
@Stateless
@PermitAll
public class Territories {

    @PersistenceContext
    private EntityManager em;

    /** Every territory, regions of today first, each former region with the region it merged into. */
    public List<Territory> all() {
        return em.createNamedQuery(Territory.ALL, Territory.class).getResultList();
    }

    public List<Territory> ofKind(TerritoryKind kind) {
        return em.createNamedQuery(Territory.BY_KIND, Territory.class)
                .setParameter("kind", kind)
                .getResultList();
    }

    public Optional<Territory> byCode(String code) {
        return em.createNamedQuery(Territory.BY_CODE, Territory.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }
}
