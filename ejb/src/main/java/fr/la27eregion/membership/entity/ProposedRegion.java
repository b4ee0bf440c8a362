package fr.la27eregion.membership.entity;

import fr.la27eregion.referential.entity.Territory;

import java.io.Serializable;

/**
 * A European region named by an application before it is in the referential: its NUTS-2 code and name, kept on
 * the applying organisation. The region joins the public referential only when the secretariat approves the
 * application, so an anonymous application can never publish a region, and a rejected one leaves none behind.
 *
 * @param code the NUTS-2 code ({@code ES51})
 * @param name the region's name as the application gave it
 */
public record ProposedRegion(String code, String name) implements Serializable {

    /**
     * The region an application names, checked as the referential checks a European region.
     *
     * @throws IllegalArgumentException when the code is not the NUTS-2 code of a region outside France, or the name
     *                                  is empty or too long
     */
    public static ProposedRegion checked(String nuts2, String name) {
        String country = nuts2 == null || nuts2.length() < 2 ? "" : nuts2.substring(0, 2);
        Territory region = Territory.europeanRegion(nuts2, country, name);
        return new ProposedRegion(region.code(), region.name());
    }

    /** The region as a new territory of the referential. */
    public Territory territory() {
        return Territory.europeanRegion(code, code.substring(0, 2), name);
    }
}
