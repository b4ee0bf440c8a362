package fr.la27eregion.referential.boundary;

import fr.la27eregion.referential.entity.Theme;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** The innovation themes of the network, as published: open to everyone. */
@Stateless
@PermitAll
public class Themes {

    @PersistenceContext
    private EntityManager em;

    public List<Theme> all() {
        return em.createNamedQuery(Theme.ALL, Theme.class).getResultList();
    }
}
