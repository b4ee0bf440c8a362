package fr.la27eregion.membership.web;

import fr.la27eregion.membership.entity.Organisation;

import java.io.Serializable;

/**
 * An organisation as a form offers it to choose: its name to read, its id to keep. Forms bind to this rather than
 * to the entity, which stays in the boundary's hands ({@link OrganisationChoiceConverter} turns it into a request
 * parameter and back).
 */
public record OrganisationChoice(long id, String name) implements Serializable {

    public static OrganisationChoice of(Organisation organisation) {
        return new OrganisationChoice(organisation.id(), organisation.name());
    }

    // JavaBeans getters for Facelets expressions
    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
