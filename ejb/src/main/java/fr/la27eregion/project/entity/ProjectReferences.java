package fr.la27eregion.project.entity;

import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.referential.entity.Territory;
import fr.la27eregion.referential.entity.Theme;

import java.util.Objects;
import java.util.Set;

/**
 * The records a project's details name by id or code, once found: its lead organisation, its partner organisations
 * (never the lead), its territories and its themes.
 */
public record ProjectReferences(Organisation lead, Set<Organisation> partners, Set<Territory> territories,
                                Set<Theme> themes) {

    public ProjectReferences {
        Objects.requireNonNull(lead, "lead");
        partners = Set.copyOf(partners);
        territories = Set.copyOf(territories);
        themes = Set.copyOf(themes);
    }
}
