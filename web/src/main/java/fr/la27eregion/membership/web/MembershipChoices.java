package fr.la27eregion.membership.web;

import fr.la27eregion.membership.entity.NetworkRole;
import fr.la27eregion.membership.entity.OrganisationKind;
import fr.la27eregion.referential.boundary.Territories;
import fr.la27eregion.referential.entity.TerritoryKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the membership forms offer to choose from: the 18 regions of France (read once: the reform of 2016 is
 * not redone at run time), the kinds of organisation, the network roles and the languages of a contact.
 */
@Named
@ApplicationScoped
public class MembershipChoices {

    /** A region of France as a list shows it. */
    public record Region(String code, String name) implements Serializable {
    }

    @Inject
    private Territories territories;

    private volatile List<Region> regions;

    /** The regions of France in French alphabetical order (Île-de-France among the I). */
    public List<Region> getRegions() {
        if (regions == null) {
            Collator french = Collator.getInstance(Locale.FRENCH);
            regions = territories.ofKind(TerritoryKind.REGION).stream()
                    .map(territory -> new Region(territory.code(), territory.name()))
                    .sorted(Comparator.comparing(Region::name, french)).toList();
        }
        return regions;
    }

    public boolean isRegion(String code) {
        return getRegions().stream().anyMatch(region -> region.code().equals(code));
    }

    public OrganisationKind[] getKinds() {
        return OrganisationKind.values();
    }

    public NetworkRole[] getNetworkRoles() {
        return NetworkRole.values();
    }

    public List<String> getLanguages() {
        return List.of("fr", "en");
    }
}
